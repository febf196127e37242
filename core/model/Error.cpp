#include "model/Error.h"

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
    return field.isEmpty() ? message : field + u": "_s + message;
}

} // namespace steward
