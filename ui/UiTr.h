#pragma once

#include <QCoreApplication>

namespace steward {

// One translation context for the whole widget layer.
struct UiTr
{
    Q_DECLARE_TR_FUNCTIONS(Ui)
};

} // namespace steward
