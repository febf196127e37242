#pragma once

#include "model/Error.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace steward {

// The closed vocabularies of SPEC section 2, with their stored spellings.

enum class EntityType { GlobalMetadata, Kpi, BusinessRule, Glossary };
enum class Tier { Tier1 = 1, Tier2, Tier3, Tier4, Tier5 };
enum class Lane { Kernel, Governed, Draft };
enum class Role { KernelArchitect, MetadataSteward, DataOwner, Viewer };
enum class ApprovalStatus { Pending, Approved, Rejected, Cancelled };

QString toString(EntityType type);
QString toString(Tier tier);
QString toString(Lane lane);
QString toString(Role role);
QString toString(ApprovalStatus status);

std::optional<EntityType> entityTypeFromString(QStringView text);
std::optional<Tier> tierFromString(QStringView text);
// Accepts the legacy spelling "kernel_only" for the kernel lane.
std::optional<Lane> laneFromString(QStringView text);
std::optional<Role> roleFromString(QStringView text);
std::optional<ApprovalStatus> approvalStatusFromString(QStringView text);

QList<EntityType> allEntityTypes();
QList<Tier> allTiers();
QList<Lane> allLanes();
QList<Role> allRoles();
QList<ApprovalStatus> allApprovalStatuses();

// Human-readable names for display (translated).
QString displayName(EntityType type);
QString displayName(Role role);
QString displayName(ApprovalStatus status);
QString displayName(Lane lane);

bool isCritical(Tier tier); // tier1 and tier2 trigger a profile on approval

// SPEC section 5: the days between scheduled profiles of a tier's fields (tier1 1,
// tier2 3, tier3 7, tier4 30); nothing for tier5, which is profiled only on request.
std::optional<int> profileIntervalDays(Tier tier);
// How many days back a tier's runs still describe its fields: the profile interval,
// and for tier5 (no schedule) 30 days. The Quality trend averages over this window.
int profileWindowDays(Tier tier);

// A spelling read back from a stored column that names no value of the vocabulary
// (written by another tool, or by a newer version): an error naming the column and
// the value, so a bad row is never read as a default.
Error unknownStoredValue(const QString &column, const QString &value);

template <typename Enum>
Result<Enum> storedValue(std::optional<Enum> (*parse)(QStringView), const QString &column, const QString &value)
{
    if (const std::optional<Enum> parsed = parse(value))
        return *parsed;
    return unknownStoredValue(column, value);
}

} // namespace steward
