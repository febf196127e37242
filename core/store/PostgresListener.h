#pragma once

#include "store/DatabaseUrl.h"

#include <QObject>
#include <QUuid>

#include <memory>

class QSocketNotifier;
class QTimer;

namespace steward {

// LISTENs to one channel of a team database on a libpq connection of its own, woken by
// the connection's socket (no polling): each NOTIFY becomes a signal. A lost connection
// is noticed when the socket says so, reported, and retried with backoff (0.25 s
// doubling to 8 s); once back, the channel is LISTENed to again and `connected` says so,
// so its user can catch up on what it may have missed. Lives in one thread: the one it
// was created in (or moved to) before open().
class PostgresListener : public QObject
{
    Q_OBJECT

public:
    PostgresListener(DatabaseUrl url, QString channel, QString password = {}, QObject *parent = nullptr);
    ~PostgresListener() override;

    // Connects and LISTENs; retries by itself until it succeeds or close() is called.
    void open();
    void close();
    bool isConnected() const;

Q_SIGNALS:
    void connected();
    void disconnected(const QString &reason);
    void notified(const QString &payload);

private:
    void tryConnect();
    void readSocket();
    void lost(const QString &reason);

    struct Connection;
    DatabaseUrl m_url;
    QString m_channel;
    QString m_password;
    std::unique_ptr<Connection> m_connection;
    QSocketNotifier *m_notifier = nullptr;
    QTimer *m_retry;
    int m_retryDelayMs = 250;
    bool m_open = false;
};

} // namespace steward
