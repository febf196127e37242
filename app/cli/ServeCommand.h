#pragma once

#include "model/Error.h"

class QTextStream;

namespace steward {

class Session;
struct CliOptions;

Status runServe(Session &session, const CliOptions &options, QTextStream &out);

} // namespace steward
