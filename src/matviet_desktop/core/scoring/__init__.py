"""Customer scoring engine (issue 3): RFM, lifecycle, probabilistic CLV, churn, engagement, behaviour.

Qt-free. Every function takes the as-of date as data, so backtests can score the past.
"""
