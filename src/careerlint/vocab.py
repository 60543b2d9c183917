"""Names and orders careerlint uses in messages and rules (no regular expressions: cheap to import)."""

CURRENCY_SYMBOL = {"USD": "$", "CAD": "C$", "AUD": "A$", "NZD": "NZ$", "GBP": "£", "EUR": "€",
                   "AED": "AED ", "INR": "₹", "JPY": "¥", "CHF": "CHF "}
STAT_NAMES = {
    "p10": "10th percentile", "p25": "25th percentile", "median": "median", "mean": "average",
    "p75": "75th percentile", "p90": "90th percentile", "range": "range", "starting": "starting pay",
}
# the order values must respect: bottom to top
STAT_RANK = {"p10": 0, "p25": 1, "median": 2, "p75": 3, "p90": 4}
