-- The home page's weekly chart counts hazards found and closed per week: a range of one column each.
CREATE INDEX ix_hazard_reported_at ON hazard (reported_at);
CREATE INDEX ix_hazard_closed_at ON hazard (closed_at);
