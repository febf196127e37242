#pragma once

#include <QCoreApplication>

namespace steward {

// One translation context for everything core says to a user, so moving a class
// between files never loses its translations.
struct CoreTr
{
    Q_DECLARE_TR_FUNCTIONS(Core)
};

} // namespace steward
