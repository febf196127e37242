#pragma once

#include "model/Error.h"

#include <QString>
#include <QUuid>
#include <optional>

namespace steward {

class Database;

// The first event of a chain whose seal does not hold, and why.
struct AuditBreak
{
    enum class Reason {
        Unsealed, // no hash stored
        Unlinked, // prev_hash is not the hash of the event before it: one was deleted, moved or inserted
        Altered,  // the hash does not match the stored columns: the event was changed
    };
    qint64 seq = 0;
    QUuid eventId;
    Reason reason = Reason::Altered;
    qint64 previousSeq = 0; // the event before it in the chain (0: none)

    // "seq 17 (event 1f0c...): ..." for people.
    QString text() const;
};

// What verifying one tenant's chain found.
struct AuditVerification
{
    qint64 checked = 0;  // events whose seal held, from the first on
    qint64 headSeq = 0;  // the last of them (0: none)
    QString headHash;    // its hash (the genesis hash when none)
    std::optional<AuditBreak> broken;

    bool verified() const { return !broken.has_value(); }
    // One translated sentence: verified with the count and head hash, or where it broke.
    QString statement() const;
};

// The tamper-evident audit trail (SPEC section 9): each tenant's events in mdm_event form
// a hash chain in seq order, sealed as AuditSeal defines. Where the database does not
// seal events itself (SQLite; PostgreSQL has a trigger), the program seals each one in
// the transaction that stores it.
class AuditTrail
{
public:
    explicit AuditTrail(Database &database);

    // Seals the stored event `seq` onto its tenant's chain, inside the caller's
    // transaction; does nothing where the database seals events itself.
    Status seal(qint64 seq);
    // Seals every tenant's events afresh, in seq order (the upgrade that adds the chain).
    Status sealAll();
    // Recomputes the tenant's chain from its first event and stops at the first one
    // that does not hold. Reads one snapshot.
    Result<AuditVerification> verify(const QUuid &tenantId) const;

private:
    Status sealTenant(const QString &tenantId);

    Database &m_database;
};

} // namespace steward
