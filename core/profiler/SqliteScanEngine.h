#pragma once

#include "profiler/ScanEngine.h"
#include "store/DataSourceRepository.h"

namespace steward::profiler {

// Profile scans of an SQLite data source: a read-only connection with the profiler's
// SQL functions (SqliteFunctions), statements interrupted through SQLite's progress
// handler, large rowid tables split in rowid ranges read on threads of their own, each
// with its own connection, their distinct counters counted together at the end.
class SqliteScanEngine final : public ScanEngine
{
public:
    ~SqliteScanEngine() override;

    static Result<std::unique_ptr<ScanEngine>> open(const DataSource &source);

    Result<std::optional<CatalogTable>> findTable(const QString &schema, const QString &table) override;
    Result<TableScan> scan(const ScanPlan &plan, ScanControl &control) override;

private:
    struct Impl;
    explicit SqliteScanEngine(std::unique_ptr<Impl> impl);

    std::unique_ptr<Impl> m_impl;
};

} // namespace steward::profiler
