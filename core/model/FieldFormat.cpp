#include "model/FieldFormat.h"

#include "Tr.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace steward {

const QStringList &FieldFormat::dataTypes()
{
    static const QStringList types{u"DECIMAL"_s, u"INTEGER"_s, u"TEXT"_s, u"DATE"_s, u"TIMESTAMP"_s, u"BOOLEAN"_s};
    return types;
}

Result<FieldFormat> FieldFormat::parse(const QString &dataType, const QString &format)
{
    const qsizetype index = dataTypes().indexOf(dataType);
    if (index < 0)
        return Error::invalid(u"dataType"_s, CoreTr::tr("must be one of %1").arg(dataTypes().join(u", "_s)));
    FieldFormat parsed;
    parsed.type = Type(index);
    const QString spec = format.trimmed();
    switch (parsed.type) {
    case Type::Decimal: {
        if (spec.isEmpty())
            break;
        static const QRegularExpression decimal(u"^(\\d{1,2})\\s*(?:,\\s*(\\d{1,2}))?$"_s);
        const auto match = decimal.match(spec);
        const int precision = match.hasMatch() ? match.captured(1).toInt() : 0;
        const int scale = match.hasCaptured(2) ? match.captured(2).toInt() : 0;
        if (!match.hasMatch() || precision < 1 || precision > 38 || scale > precision)
            return Error::invalid(u"format"_s,
                                  CoreTr::tr("a DECIMAL format is \"precision,scale\" or \"precision\" with "
                                             "1 <= precision <= 38 and scale <= precision, e.g. 18,2"));
        parsed.precision = precision;
        parsed.scale = scale;
        break;
    }
    case Type::Text: {
        if (spec.isEmpty())
            break;
        bool ok = false;
        const int length = spec.toInt(&ok);
        if (!ok || length < 1)
            return Error::invalid(u"format"_s, CoreTr::tr("a TEXT format is the maximum length, e.g. 10"));
        parsed.maxLength = length;
        break;
    }
    case Type::Date:
        parsed.dateFormat = spec.isEmpty() ? u"YYYY-MM-DD"_s : spec;
        break;
    case Type::Integer:
    case Type::Timestamp:
    case Type::Boolean:
        break;
    }
    return parsed;
}

} // namespace steward
