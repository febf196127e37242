#pragma once

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

} // namespace steward
