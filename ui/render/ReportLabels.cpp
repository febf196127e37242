#include "ReportLabels.h"

#include "model/Types.h"

namespace steward::report::ReportLabels {
namespace {

template <typename Enum, typename Parse> QString displayed(const QString &stored, Parse parse)
{
    const std::optional<Enum> value = parse(stored);
    return value ? displayName(*value) : stored;
}

} // namespace

QString entityType(const QString &stored)
{
    return displayed<EntityType>(stored, entityTypeFromString);
}

QString role(const QString &stored)
{
    return displayed<Role>(stored, roleFromString);
}

QString decision(const QString &stored)
{
    return displayed<ApprovalStatus>(stored, approvalStatusFromString);
}

} // namespace steward::report::ReportLabels
