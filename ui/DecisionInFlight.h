#pragma once

#include <QString>
#include <QUuid>

namespace steward {

// A decision the user confirmed whose outcome has not arrived yet.
struct DecisionInFlight
{
    enum class Kind { Approve, Reject, Withdraw };
    Kind kind = Kind::Approve;
    QUuid approvalId;
    QString entityKey;
};

} // namespace steward
