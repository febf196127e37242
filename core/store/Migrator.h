#pragma once

#include "model/Error.h"

namespace steward {

class Database;

// Brings a database to a schema version step by step; the version lives in the
// database (mdm_schema_version), each step in one transaction.
class Migrator
{
public:
    explicit Migrator(Database &database);

    int latestVersion() const;
    Result<int> currentVersion() const;
    // Upgrades to `targetVersion` (default: latest). Refuses to downgrade.
    Status upgrade(int targetVersion = -1);

private:
    Database &m_database;
};

} // namespace steward
