#pragma once

#include "model/Error.h"
#include "report/ReportTypes.h"

#include <QStringList>

#include <optional>

namespace steward {

// One PDF or HTML report that steward-cli asks its helper, steward-render, to write: the
// command line of the helper, spelled and read here only. The helper answers with its
// exit status (RenderExit) and, when it refuses, the reason as one line on stdout; its
// stderr is left for diagnostics.
struct RenderJob
{
    QString database; // as DatabaseUrl::toString() spells it
    // Who the helper signs in to the request's tenant as, where the engine checks it (a
    // team database): the user steward-cli signed in as; empty: the login's own user.
    QString signedInUser;
    report::ReportRequest request;
    QString outputPath;

    QStringList toArguments() const;
    // `arguments` starts with the program name, as QCoreApplication::arguments() does.
    static Result<RenderJob> fromArguments(const QStringList &arguments);
};

namespace RenderExit {

inline constexpr int Written = 0;
// The exit status that carries `code` from the helper to steward-cli.
int forError(ErrorCode code);
// The error an exit status carries; empty for Written and for statuses no helper gives
// (a crash, a missing library).
std::optional<ErrorCode> errorOf(int exitStatus);

} // namespace RenderExit
} // namespace steward
