"""Training load science, pure Python: session load, activity metrics, cadence by speed, the daily
fitness/fatigue/ACWR series and plan compliance. No Django; dates are passed in, never read."""
