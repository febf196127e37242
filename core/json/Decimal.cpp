#include "json/Decimal.h"

namespace steward::json {

namespace {

// Exponents beyond this are not turned into a CanonicalDecimal: adding the position of
// the decimal point to them could overflow qint64. Such numbers compare by text.
constexpr qint64 kLargestExponent = qint64(1'000'000'000'000'000);

bool isDigit(QChar c) { return c >= u'0' && c <= u'9'; }

} // namespace

// Accepts JSON numbers and the usual relaxations a person might type: a leading '+',
// leading zeros, "1." and ".5". Anything else is not a number.
std::optional<CanonicalDecimal> canonicalDecimal(QStringView numberText)
{
    const qsizetype length = numberText.size();
    qsizetype position = 0;
    CanonicalDecimal result;
    if (position < length && (numberText[position] == u'-' || numberText[position] == u'+')) {
        result.negative = numberText[position] == u'-';
        ++position;
    }

    QString digits;
    digits.reserve(length);
    qsizetype integerDigits = 0;
    while (position < length && isDigit(numberText[position])) {
        digits.append(numberText[position++]);
        ++integerDigits;
    }
    qsizetype fractionDigits = 0;
    if (position < length && numberText[position] == u'.') {
        ++position;
        while (position < length && isDigit(numberText[position])) {
            digits.append(numberText[position++]);
            ++fractionDigits;
        }
    }
    if (integerDigits + fractionDigits == 0)
        return std::nullopt;

    qint64 writtenExponent = 0;
    if (position < length && (numberText[position] == u'e' || numberText[position] == u'E')) {
        ++position;
        bool exponentNegative = false;
        if (position < length && (numberText[position] == u'-' || numberText[position] == u'+')) {
            exponentNegative = numberText[position] == u'-';
            ++position;
        }
        const qsizetype exponentStart = position;
        while (position < length && isDigit(numberText[position])) {
            writtenExponent = writtenExponent * 10 + (numberText[position].unicode() - u'0');
            if (writtenExponent > kLargestExponent)
                return std::nullopt;
            ++position;
        }
        if (position == exponentStart)
            return std::nullopt;
        if (exponentNegative)
            writtenExponent = -writtenExponent;
    }
    if (position != length)
        return std::nullopt;

    // value = digits * 10^(writtenExponent - fractionDigits); drop zeros on both ends.
    qsizetype first = 0;
    while (first < digits.size() && digits[first] == u'0')
        ++first;
    qsizetype last = digits.size();
    while (last > first && digits[last - 1] == u'0')
        --last;
    if (first == last) {
        return CanonicalDecimal{}; // zero, whatever its sign or exponent
    }
    const qsizetype droppedTrailing = digits.size() - last;
    result.digits = digits.mid(first, last - first);
    result.exponent = writtenExponent - fractionDigits + droppedTrailing + result.digits.size();
    return result;
}

bool decimalEqual(QStringView a, QStringView b)
{
    const auto left = canonicalDecimal(a);
    const auto right = canonicalDecimal(b);
    if (left && right)
        return *left == *right;
    return a == b;
}

int compareDecimal(QStringView a, QStringView b)
{
    const auto left = canonicalDecimal(a);
    const auto right = canonicalDecimal(b);
    if (!left || !right) {
        const int byText = a.compare(b);
        return (byText > 0) - (byText < 0);
    }
    const auto signOf = [](const CanonicalDecimal &value) {
        return value.digits.isEmpty() ? 0 : (value.negative ? -1 : 1);
    };
    const int leftSign = signOf(*left);
    const int rightSign = signOf(*right);
    if (leftSign != rightSign)
        return leftSign < rightSign ? -1 : 1;
    if (leftSign == 0)
        return 0;

    // Same sign: compare magnitudes 0.digits * 10^exponent, first digit never zero.
    int magnitude = 0;
    if (left->exponent != right->exponent) {
        magnitude = left->exponent < right->exponent ? -1 : 1;
    } else {
        // Lexicographic order of digit strings is numeric order here: no trailing zeros,
        // so a proper prefix is the smaller value.
        const int byDigits = QStringView(left->digits).compare(QStringView(right->digits));
        magnitude = (byDigits > 0) - (byDigits < 0);
    }
    return leftSign > 0 ? magnitude : -magnitude;
}

} // namespace steward::json
