#pragma once

#include <QCoreApplication>

namespace steward {

// One translation context for what the HTTP endpoint says to a user.
struct HttpTr
{
    Q_DECLARE_TR_FUNCTIONS(Http)
};

} // namespace steward
