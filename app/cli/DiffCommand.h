#pragma once

#include "model/Error.h"

class QTextStream;

namespace steward {

struct CliOptions;

// diff OLD NEW: the structural diff of two JSON files, as text, JSON or an RFC 6902 patch.
Status runDiff(const CliOptions &options, QTextStream &out);

} // namespace steward
