#pragma once

#include <QCoreApplication>

namespace steward {

// One translation context for everything steward-cli says to a user.
struct CliTr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

} // namespace steward
