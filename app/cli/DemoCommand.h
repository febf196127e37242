#pragma once

#include "model/Error.h"

class QTextStream;

namespace steward {

struct CliOptions;

// init-demo: creates the database if needed, migrates it and (re)seeds the demo tenants.
Status runInitDemo(const CliOptions &options, QTextStream &out);
// migrate: brings the schema to this program's version and says where it stands.
Status runMigrate(const CliOptions &options, QTextStream &out);

} // namespace steward
