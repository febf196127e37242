#include "AuditCommand.h"

#include "CliTr.h"
#include "Session.h"
#include "store/AuditTrail.h"

#include <QTextStream>

using namespace Qt::StringLiterals;

namespace steward {

Status runVerifyAudit(Session &session, QTextStream &out)
{
    const auto verification = AuditTrail(session.database()).verify(session.tenant().id);
    if (!verification)
        return verification.error();
    const AuditVerification &result = verification.value();
    if (result.broken)
        return Error::make(ErrorCode::Corrupted, CliTr::tr("the audit trail of %1 is broken: %2; the %3 events "
                                                           "before it verified")
                                                     .arg(session.tenant().name, result.broken->text())
                                                     .arg(result.checked));
    out << CliTr::tr("Audit trail of %1 verified: %2 events checked; head hash %3 (seq %4)")
               .arg(session.tenant().name)
               .arg(result.checked)
               .arg(result.headHash)
               .arg(result.headSeq)
        << u'\n';
    return std::nullopt;
}

} // namespace steward
