#include "ServeCommand.h"

#include "CliOptions.h"
#include "CliTr.h"

#include <QTextStream>

namespace steward {

Status runServe(Session &, const CliOptions &, QTextStream &)
{
    return Error::make(ErrorCode::Unavailable, CliTr::tr("serve is not available in this version yet"));
}

} // namespace steward
