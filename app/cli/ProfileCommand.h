#pragma once

#include "model/Error.h"

class QTextStream;

namespace steward {

class Session;
struct CliOptions;

// profile KEY|--due [--now] [--sample N]: measures fields synchronously and prints, per
// field, its status, rows, metrics, score, grade, duration and rule violations. Fails
// (after printing every field) when a run failed.
Status runProfile(Session &session, const CliOptions &options, QTextStream &out);

} // namespace steward
