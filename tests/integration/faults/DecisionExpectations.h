#pragma once

// What a decision on the demo database must leave behind (SPEC sections 2 and 4),
// written down independently of the program: the events in order, the entity's table,
// and who may decide.

#include <QString>
#include <QStringList>

namespace steward::testing {

using namespace Qt::StringLiterals;

// The decision events SPEC section 4 lists after approval.requested, in order.
inline QStringList approvalEvents(const QString &entityType, const QString &tier, bool ruleFieldExists)
{
    const bool critical = tier == u"tier1"_s || tier == u"tier2"_s;
    if (entityType == u"GLOBAL_METADATA"_s)
        return critical ? QStringList{u"metadata.approved"_s, u"metadata.changed"_s, u"metadata.profile.due"_s,
                                      u"approval.approved"_s}
                        : QStringList{u"metadata.approved"_s, u"metadata.changed"_s, u"approval.approved"_s};
    if (entityType == u"KPI"_s)
        return {u"kpi.approved"_s, u"kpi.changed"_s, u"approval.approved"_s};
    if (entityType == u"BUSINESS_RULE"_s)
        return ruleFieldExists
                   ? QStringList{u"business_rule.changed"_s, u"metadata.profile.due"_s, u"approval.approved"_s}
                   : QStringList{u"business_rule.changed"_s, u"approval.approved"_s};
    return {u"glossary.term.updated"_s, u"approval.approved"_s};
}

inline QString entityTable(const QString &entityType)
{
    if (entityType == u"GLOBAL_METADATA"_s)
        return u"mdm_global_metadata"_s;
    if (entityType == u"KPI"_s)
        return u"mdm_kpi"_s;
    if (entityType == u"BUSINESS_RULE"_s)
        return u"mdm_business_rule"_s;
    return u"mdm_glossary_term"_s;
}

// The demo's people who may decide a request needing `role` (SPEC section 2).
inline QStringList decidersFor(const QString &role)
{
    if (role == u"kernel_architect"_s)
        return {u"tom.baker"_s, u"amara.okafor"_s};
    if (role == u"metadata_steward"_s)
        return {u"jonas.weber"_s, u"lena.fischer"_s, u"amara.okafor"_s};
    if (role == u"data_owner"_s)
        return {u"raj.patel"_s, u"lena.fischer"_s};
    return {};
}

} // namespace steward::testing
