#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace steward::json {

// Exact decimal comparison of JSON number texts, without passing through double:
// "12345678901234567.89" != "12345678901234567.88", "100.0" == "100" == "1e2".
struct CanonicalDecimal
{
    bool negative = false;
    QString digits;      // significant digits, no leading or trailing zeros; empty for zero
    qint64 exponent = 0; // value = 0.digits * 10^exponent
    bool operator==(const CanonicalDecimal &other) const
    {
        return negative == other.negative && digits == other.digits && exponent == other.exponent;
    }
};

std::optional<CanonicalDecimal> canonicalDecimal(QStringView numberText);
bool decimalEqual(QStringView a, QStringView b);
// -1, 0, 1; numbers that do not parse compare by text.
int compareDecimal(QStringView a, QStringView b);

} // namespace steward::json
