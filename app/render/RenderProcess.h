#pragma once

#include "RenderJob.h"

namespace steward::RenderProcess {

// steward-render, the helper that renders PDF and HTML reports so that steward-cli never
// loads Qt Gui. It is looked for in the installed layout relative to this executable
// (bin/ -> lib/metadata-steward/), then beside it (the build tree). Empty: in neither.
QString helperPath();

// Runs the helper on `job` and waits for it. A refusal comes back as the error the helper
// met (same code, same text); a helper that is missing, cannot start or crashes is
// reported as unavailable, naming the helper.
Status run(const RenderJob &job);

} // namespace steward::RenderProcess
