#pragma once

#include <QCoreApplication>

namespace steward {

// Translation context of the application shell (start-up, command line).
struct GuiTr
{
    Q_DECLARE_TR_FUNCTIONS(Gui)
};

} // namespace steward
