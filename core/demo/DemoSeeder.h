#pragma once

#include "model/Error.h"

namespace steward {

class Database;

// Fills a database with the demo organisation: two tenants, users in every role,
// governed entities with their approval history, and 200+ pending requests.
// Everything goes through ApprovalService, so history and audit trail are real.
// Running it again replaces the demo tenants' rows and nothing else.
class DemoSeeder
{
public:
    struct Summary
    {
        int tenants = 0;
        int users = 0;
        int pending = 0;
        int decided = 0;
        QString warehousePath; // empty when no warehouse was written
        qint64 warehouseRows = 0;
    };

    explicit DemoSeeder(Database &database);
    // Journal lines of the demo warehouse (WarehouseSeeder) written beside an SQLite
    // metadata file; default: STEWARD_DEMO_WAREHOUSE_ROWS, else 1,000,000.
    void setWarehouseJournalLines(qint64 rows) { m_warehouseJournalLines = rows; }
    // Where the demo warehouse (an SQLite file) is written and registered as the tenants'
    // data source "warehouse". Default: beside an SQLite metadata file; a team database
    // gets one only when given a path, since its files live on the desktops.
    void setWarehousePath(const QString &path) { m_warehousePath = path; }
    Result<Summary> seed();

private:
    Status removeDemoTenants();
    Status seedWarehouse(Summary &summary);

    Database &m_database;
    qint64 m_warehouseJournalLines;
    QString m_warehousePath;
};

} // namespace steward
