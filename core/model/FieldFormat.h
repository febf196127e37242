#pragma once

#include "model/Error.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace steward {

// A GLOBAL_METADATA field's dataType and format (SPEC section 3), parsed once for every
// reader: the payload validator refuses what does not parse, the profiler checks values
// against what does.
//   DECIMAL   "18,2": precision 18, scale 2; "18": scale 0 (1 <= precision <= 38,
//             scale <= precision; spaces around the numbers are ignored)
//   TEXT      "10": at most 10 characters
//   DATE      the order of YYYY, MM and DD, e.g. "DD.MM.YYYY"; default YYYY-MM-DD
//   INTEGER, TIMESTAMP, BOOLEAN: a format is not read
// An empty format is no format: any DECIMAL number, TEXT of any length.
struct FieldFormat
{
    enum class Type { Decimal, Integer, Text, Date, Timestamp, Boolean };
    Type type = Type::Text;
    std::optional<int> precision; // DECIMAL
    std::optional<int> scale;
    std::optional<int> maxLength; // TEXT
    QString dateFormat;           // DATE, as the field spells it

    static const QStringList &dataTypes(); // DECIMAL, INTEGER, TEXT, DATE, TIMESTAMP, BOOLEAN
    // Errors name the payload field: dataType or format.
    static Result<FieldFormat> parse(const QString &dataType, const QString &format);
};

} // namespace steward
