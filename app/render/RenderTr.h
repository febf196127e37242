#pragma once

#include <QCoreApplication>

namespace steward {

// One translation context for what the report-rendering helper and its client say.
struct RenderTr
{
    Q_DECLARE_TR_FUNCTIONS(Render)
};

} // namespace steward
