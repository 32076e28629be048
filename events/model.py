"""The event vocabulary: four frozen domain events and the log's own records.

The JSON form of a domain event is the wire format of
``shared/events.schema.json``; ``to_wire`` and ``from_wire`` are the only
ways in and out, so the log, the CLI and the digest all speak the same shape.
Each class carries a ``VERSION``; the log stores it beside the payload so a
later version can upcast old payloads instead of rewriting them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator, model_validator

from events.vocabulary import ROLE_KEYS, STATUSES

Actor = Annotated[str, Field(pattern=r"^[A-Z]{2,8}$")]
Precision = Literal["year", "month", "day"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Occurred(_Frozen):
    """When the thing happened, at the precision the text gives."""

    date: str = Field(pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")
    precision: Precision
    text: str | None = None

    @model_validator(mode="after")
    def _precision_fits_date(self) -> Occurred:
        expected = {4: "year", 7: "month", 10: "day"}[len(self.date)]
        if expected != self.precision:
            raise ValueError(f"date {self.date!r} does not have {self.precision} precision")
        return self


class Roles(_Frozen):
    speaker: Actor | None = None
    about: tuple[Actor, ...] | None = None
    buyer: Actor | None = None
    seller: Actor | None = None
    parties: tuple[Actor, ...] | None = None
    supplier: Actor | None = None
    recipient: Actor | None = None
    imposer: Actor | None = None
    target: Actor | None = None

    def present(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}

    def actors(self) -> set[str]:
        found: set[str] = set()
        for value in self.present().values():
            found.update(value if isinstance(value, tuple) else (value,))
        return found


class Speaker(_Frozen):
    name: str | None = None
    title: str | None = None


class Item(_Frozen):
    name: str
    quantity: int | None = None


class Value(_Frozen):
    amount: float
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    text: str | None = None


class Evidence(_Frozen):
    sentence: str
    url: str | None = None
    title: str | None = None
    start: int | None = None
    end: int | None = None


class _DomainEvent(_Frozen):
    VERSION: ClassVar[int] = 1

    type: str
    occurred: Occurred | None
    roles: Roles
    summary: str = Field(min_length=1)
    evidence: Evidence
    reported_at: datetime | None
    confidence: float = Field(ge=0, le=1)
    extractor: str
    status: str | None = None
    recorded_at: datetime | None = None
    id: str | None = None
    position: int | None = Field(default=None, ge=1)

    @field_validator("reported_at", "recorded_at")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)

    @model_validator(mode="after")
    def _roles_and_status_fit_type(self) -> _DomainEvent:
        extra = set(self.roles.present()) - ROLE_KEYS[self.type]
        if extra:
            raise ValueError(f"a {self.type} has no role {', '.join(sorted(extra))}")
        if self.status is not None and self.status not in STATUSES[self.type]:
            raise ValueError(f"a {self.type} cannot have status {self.status!r}")
        return self

    def actors(self) -> set[str]:
        return self.roles.actors()


class Statement(_DomainEvent):
    type: Literal["statement"] = "statement"
    speaker: Speaker | None = None
    quote: str | None = None


class Deal(_DomainEvent):
    type: Literal["deal"] = "deal"
    items: tuple[Item, ...] = ()
    value: Value | None = None


class Delivery(_DomainEvent):
    type: Literal["delivery"] = "delivery"
    items: tuple[Item, ...] = ()


class Sanction(_DomainEvent):
    type: Literal["sanction"] = "sanction"


DomainEvent = Annotated[Statement | Deal | Delivery | Sanction, Field(discriminator="type")]
EVENT_TYPES: dict[str, type[_DomainEvent]] = {
    "statement": Statement,
    "deal": Deal,
    "delivery": Delivery,
    "sanction": Sanction,
}
_ADAPTER: TypeAdapter[Statement | Deal | Delivery | Sanction] = TypeAdapter(DomainEvent)


class Retraction(_Frozen):
    """An analyst withdraws an event; the event stays in the log, projections drop it."""

    VERSION: ClassVar[int] = 1
    type: Literal["retracted"] = "retracted"
    event_id: str
    reason: str = Field(min_length=1)


class Supersession(_Frozen):
    """Newer events replace older ones (a re-extraction or an article revision)."""

    VERSION: ClassVar[int] = 1
    type: Literal["superseded"] = "superseded"
    old: tuple[str, ...]
    new: tuple[str, ...] = ()
    reason: str = Field(min_length=1)
    article: str | None = None


LOG_RECORD_TYPES: dict[str, type[_Frozen]] = {"retracted": Retraction, "superseded": Supersession}
AnyEvent = Statement | Deal | Delivery | Sanction | Retraction | Supersession


def to_wire(event: AnyEvent) -> dict[str, Any]:
    """The JSON-ready dict of an event: absent roles and unset ids are left out."""
    data = event.model_dump(mode="json", exclude_none=False)
    if isinstance(event, _DomainEvent):
        data["roles"] = event.roles.model_dump(mode="json", exclude_none=True)
        for key in ("id", "position", "recorded_at"):
            if data.get(key) is None:
                data.pop(key, None)
    return data


def from_wire(data: dict[str, Any]) -> AnyEvent:
    """Parse a wire dict (domain event or log record) into its frozen type."""
    kind = data.get("type")
    if kind in LOG_RECORD_TYPES:
        return LOG_RECORD_TYPES[kind].model_validate(data)  # type: ignore[return-value]
    return _ADAPTER.validate_python(data)


def version_of(event: AnyEvent) -> int:
    return type(event).VERSION
