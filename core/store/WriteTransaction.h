#pragma once

#include "model/Error.h"

namespace steward {

class Database;

// A write transaction that rolls back unless committed. It takes the write lock at
// begin() (BEGIN IMMEDIATE on SQLite), so racing writers serialise instead of
// both deciding on a stale read.
class WriteTransaction
{
public:
    explicit WriteTransaction(Database &database);
    ~WriteTransaction();

    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    Status begin();
    Status commit();
    void rollback();

private:
    Database &m_database;
    bool m_open = false;
};

} // namespace steward
