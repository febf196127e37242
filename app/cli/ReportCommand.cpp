#include "ReportCommand.h"

#include "CliOptions.h"
#include "CliTr.h"

#include <QTextStream>

namespace steward {

Status runReport(Session &, const CliOptions &, QTextStream &)
{
    return Error::make(ErrorCode::Unavailable, CliTr::tr("report is not available in this version yet"));
}

} // namespace steward
