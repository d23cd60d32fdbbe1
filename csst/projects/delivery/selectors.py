"""Reads of project delivery, limited to what the user may see, in a constant number of queries.

Figures are computed from the records (rule R14): gender-disaggregated counts of the participants
who attended, attendance, average satisfaction, equipment quantities and values (quantity × value
per unit, per currency), and progress of each indicator towards its target.
"""

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import (
    Avg,
    Case,
    Count,
    DecimalField,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    When,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import (
    Activity,
    ActivityStatus,
    EquipmentItem,
    Gender,
    Participant,
    Project,
    ResultIndicator,
    ResultLevel,
    ResultValue,
)
from .permissions import may_see_delivery

ONE_DECIMAL = Decimal("0.1")
CENT = Decimal("0.01")


# --- Visibility -------------------------------------------------------------------------------


def _require_visible(user, project: Project) -> Project:
    """404 for a project whose delivery the user may not see (unapproved projects stay unseen)."""
    if not may_see_delivery(user, project):
        raise Http404
    return project


def project_for(user, project_id: int) -> Project:
    return _require_visible(user, get_object_or_404(Project, pk=project_id))


def _visible(user, queryset, **lookup):
    """The object (its project loaded with it), or 404 when its project's delivery is hidden."""
    obj = get_object_or_404(queryset, **lookup)
    _require_visible(user, obj.project if hasattr(obj, "project_id") else obj.activity.project)
    return obj


def activity_for(user, activity_id: int, project_id: int | None = None) -> Activity:
    lookup = {"pk": activity_id, **({"project_id": project_id} if project_id else {})}
    return _visible(user, with_counts(Activity.objects.select_related("project")), **lookup)


def participant_for(user, participant_id: int) -> Participant:
    return _visible(
        user, Participant.objects.select_related("activity__project"), pk=participant_id
    )


def equipment_item_for(user, item_id: int) -> EquipmentItem:
    return _visible(user, EquipmentItem.objects.select_related("activity__project"), pk=item_id)


def indicator_for(user, indicator_id: int, project_id: int | None = None) -> ResultIndicator:
    lookup = {"pk": indicator_id, **({"project_id": project_id} if project_id else {})}
    indicators = _indicator_rows(ResultIndicator.objects.select_related("project"))
    return _visible(user, indicators, **lookup)


# --- Activities with their figures ------------------------------------------------------------


def _per_activity(model, expression, output, default=0, **filters):
    """One figure per activity from its participants or equipment, as a correlated subquery
    (two related tables joined at once would multiply each other's rows)."""
    rows = (
        model.objects.filter(activity=OuterRef("pk"), **filters)
        .order_by()
        .values("activity")
        .annotate(figure=expression)
        .values("figure")
    )
    subquery = Subquery(rows, output_field=output)
    return subquery if default is None else Coalesce(subquery, default, output_field=output)


def _participants(expression=None, **filters):
    return _per_activity(Participant, expression or Count("pk"), IntegerField(), **filters)


def with_counts(activities: QuerySet[Activity]) -> QuerySet[Activity]:
    """Participants by gender (those who attended), attendance, satisfaction, equipment."""
    genders = {
        f"{gender}_count": _participants(attended=True, gender=gender) for gender in Gender.values
    }
    return activities.select_related("host", "country").annotate(
        participant_count=_participants(),
        attended_count=_participants(attended=True),
        average_satisfaction=_per_activity(
            Participant, Avg("satisfaction"), FloatField(), default=None
        ),
        equipment_count=_per_activity(EquipmentItem, Count("pk"), IntegerField()),
        equipment_quantity=_per_activity(EquipmentItem, Sum("quantity"), IntegerField()),
        **genders,
    )


def equipment_values(activity_ids) -> dict[int, list[tuple[str, Decimal]]]:
    """{activity id: [(currency, total value)]} — one query; items without a value are left out."""
    rows = (
        EquipmentItem.objects.filter(activity_id__in=activity_ids, unit_value__isnull=False)
        .values("activity_id", "currency")
        .annotate(
            total=Sum(
                F("quantity") * F("unit_value"),
                output_field=DecimalField(max_digits=24, decimal_places=2),
            )
        )
        .order_by("activity_id", "currency")
    )
    totals = defaultdict(list)
    for row in rows:
        total = Decimal(row["total"]).quantize(CENT, rounding=ROUND_HALF_UP)
        totals[row["activity_id"]].append((row["currency"], total))
    return totals


def attach_equipment_values(activities) -> list[Activity]:
    activities = list(activities)
    totals = equipment_values([activity.pk for activity in activities])
    for activity in activities:
        activity.equipment_values = totals.get(activity.pk, [])
    return activities


def activities_of(project: Project) -> QuerySet[Activity]:
    return with_counts(project.activities.all())


def project_totals(project: Project) -> dict:
    """People reached by the project's activities that were not cancelled, by gender."""
    participants = Participant.objects.filter(activity__project=project).exclude(
        activity__status=ActivityStatus.CANCELLED
    )
    figures = participants.aggregate(
        registered_count=Count("pk"),
        attended_count=Count("pk", filter=Q(attended=True)),
        **{
            f"{gender}_count": Count("pk", filter=Q(attended=True, gender=gender))
            for gender in Gender.values
        },
    )
    figures["by_gender"] = [(label, figures[f"{value}_count"]) for value, label in Gender.choices]
    return figures


def participants_of(activity: Activity) -> QuerySet[Participant]:
    return activity.participants.select_related("country", "organisation")


def equipment_of(activity: Activity) -> QuerySet[EquipmentItem]:
    return activity.equipment.select_related("donor", "recipient")


def get_participant(activity: Activity, participant_id: int) -> Participant:
    return get_object_or_404(participants_of(activity), pk=participant_id)


def get_equipment_item(activity: Activity, item_id: int) -> EquipmentItem:
    return get_object_or_404(equipment_of(activity), pk=item_id)


def equipment_value(item: EquipmentItem) -> Decimal | None:
    """Quantity × value per unit (computed, never entered); None when the unit value is unknown."""
    if item.unit_value is None:
        return None
    return item.quantity * item.unit_value


# --- Results framework ------------------------------------------------------------------------


def progress(baseline: Decimal, target: Decimal, actual: Decimal | None) -> Decimal | None:
    """Share of the way from baseline to target, in % (None when unknown or undefined)."""
    if actual is None or target == baseline:
        return None
    share = (actual - baseline) / (target - baseline) * 100
    return share.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def _indicator_rows(indicators: QuerySet[ResultIndicator]) -> QuerySet[ResultIndicator]:
    """Outputs, then outcomes, then impact (the results chain), with their values."""
    chain = Case(
        *(When(level=level, then=rank) for rank, level in enumerate(ResultLevel.values)),
        output_field=IntegerField(),
    )
    return (
        indicators.order_by(chain, "id")
        .select_related("country_indicator", "sdg_indicator")
        .prefetch_related(Prefetch("values", queryset=ResultValue.objects.order_by("period_end")))
    )


def _with_progress(indicator: ResultIndicator) -> ResultIndicator:
    values = list(indicator.values.all())
    for value in values:
        value.progress = progress(indicator.baseline, indicator.target, value.actual)
    indicator.latest = values[-1] if values else None
    indicator.final = next((value for value in values if value.is_final), None)
    indicator.progress = indicator.latest.progress if indicator.latest else None
    return indicator


def indicators_of(project: Project) -> list[ResultIndicator]:
    """Indicators with their values (oldest first), latest value, final value and progress."""
    return [_with_progress(indicator) for indicator in _indicator_rows(project.indicators.all())]


def indicator_rows(project: Project) -> QuerySet[ResultIndicator]:
    """For paginated lists: call `with_progress` on the page."""
    return _indicator_rows(project.indicators.all())


def with_progress(indicators) -> list[ResultIndicator]:
    return [_with_progress(indicator) for indicator in indicators]


def progress_chart(indicators: list[ResultIndicator]) -> dict:
    """Chart.js data: progress (%) of each indicator at the end of each period reported."""
    periods = sorted({value.period_end for ind in indicators for value in ind.values.all()})
    labels = [period.isoformat() for period in periods]
    datasets = []
    for indicator in indicators:
        by_period = {value.period_end: value.progress for value in indicator.values.all()}
        datasets.append(
            {
                "label": indicator.name,
                "data": [_number(by_period.get(period)) for period in periods],
            }
        )
    return {"labels": labels, "datasets": datasets}


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)
