#include "model/Error.h"

#include "Tr.h"
#include "json/JsonPointer.h"

#include <algorithm>
#include <climits>

using namespace Qt::StringLiterals;

namespace steward {

Error Error::invalid(const QString &field, const QString &message)
{
    return Error{ErrorCode::Invalid, message, field};
}

Error Error::make(ErrorCode code, const QString &message)
{
    return Error{code, message, {}};
}

QString Error::text() const
{
    if (field.isEmpty())
        return message;
    // A field is a name the program chose or a JSON Pointer into someone's input; either
    // way it is shown cut to one line, never echoed whole.
    const QString shown = field.startsWith(u'/') ? json::abbreviatePointer(field) : quotedInput(field);
    return shown + u": "_s + message;
}

QString quotedInput(const QString &text)
{
    constexpr qsizetype kMaxQuoted = 80;
    if (text.size() <= kMaxQuoted)
        return text;
    return CoreTr::tr("%1… (%n characters)", nullptr, int(std::min<qsizetype>(text.size(), INT_MAX)))
        .arg(text.left(kMaxQuoted - 16));
}

} // namespace steward
