#pragma once

#include "model/Error.h"

class QTextStream;

namespace steward {

struct CliOptions;

// init-demo: creates the database if needed, migrates it and (re)seeds the demo tenants.
Status runInitDemo(const CliOptions &options, QTextStream &out);

} // namespace steward
