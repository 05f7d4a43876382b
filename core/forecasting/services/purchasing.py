"""What purchasing asks of the forecasts: demand for one SKU in one warehouse over a supplier's lead
time, its mean and spread, and the reorder point that covers it at a service level."""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from datetime import datetime

from core.forecasting.adapters.models import mstl_forecast
from core.forecasting.domain.series import DAY, Model, bucket
from core.forecasting.services.forecasts import History, forecast_series

RECENT_DAYS = 56  # without a forecast that beats the baseline, the last eight weeks stand for the next
MAE_TO_SD = math.sqrt(math.pi / 2)  # for normal errors the standard deviation is 1.25 x the MAE


@dataclass(frozen=True)
class LeadTimeDemand:
    """Demand expected over `lead_days`: `mean`, its standard deviation `spread`, and the stock at
    which to reorder so that `service_level` of lead times end without a stock-out."""

    sku: str
    warehouse: str
    lead_days: int
    mean: float
    spread: float
    service_level: float
    source: str  # "forecast" (back-tested and offered) or "recent history"
    verdict: str = ""  # the back-test's verdict on the forecast, offered or why not

    @property
    def reorder_point(self) -> float:
        z = statistics.NormalDist().inv_cdf(self.service_level)
        return self.mean + z * self.spread

    def order_up_to(self, review_days: int) -> float:
        """The level to order up to when stock is reviewed every `review_days`: demand over lead
        time plus the review period, with the same safety margin scaled to that longer span."""
        span = self.lead_days + review_days
        z = statistics.NormalDist().inv_cdf(self.service_level)
        per_day = self.mean / self.lead_days if self.lead_days else 0.0
        return per_day * span + z * self.spread * math.sqrt(span / max(self.lead_days, 1))


def lead_time_demand(
    history: History,
    now: datetime,
    sku: str,
    warehouse: str,
    lead_days: int,
    *,
    service_level: float = 0.95,
    model: Model = mstl_forecast,
) -> LeadTimeDemand | None:
    """Demand for `sku` in `warehouse` over the next `lead_days`; None when it was never demanded."""
    series = bucket(history.demand(sku, warehouse), DAY, now).get(f"{sku}@{warehouse}")
    if series is None:
        return None
    found = forecast_series(series, lead_days, model)
    if found.offered and found.test is not None:
        mean = sum(v for _, v in found.ahead)
        spread = found.test.mae * MAE_TO_SD * math.sqrt(lead_days)
        source = "forecast"
    else:
        recent = series.values[-RECENT_DAYS:]
        mean = statistics.fmean(recent) * lead_days
        spread = (statistics.pstdev(recent) if len(recent) > 1 else 0.0) * math.sqrt(lead_days)
        source = "recent history"
    return LeadTimeDemand(sku, warehouse, lead_days, mean, spread, service_level, source, found.verdict)
