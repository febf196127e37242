#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTcpSocket>

#include <functional>

namespace steward::bench {

// One kept-alive HTTP/1.1 connection that sends its requests one after another and
// records each answer's status and latency. QNetworkAccessManager opens at most six
// connections per host, so the load needs a client of its own for 32.
class LoadConnection : public QObject
{
    Q_OBJECT

public:
    // `request(i)` is the raw bytes of this connection's i-th request.
    LoadConnection(QString host, quint16 port, int requests, std::function<QByteArray(int)> request,
                   QObject *parent = nullptr);

    void start();
    const QList<double> &latenciesMs() const { return m_latencies; }
    const QList<int> &statuses() const { return m_statuses; }
    QString failure() const { return m_failure; }

Q_SIGNALS:
    void finished();

private:
    void sendNext();
    void read();
    void fail(const QString &why);

    QString m_host;
    quint16 m_port;
    int m_requests;
    std::function<QByteArray(int)> m_request;
    QTcpSocket m_socket;
    QByteArray m_buffer;
    int m_sent = 0;
    qint64 m_bodyLength = -1; // of the answer being read; -1 while its header is
    qsizetype m_headerLength = 0;
    int m_status = 0;
    QElapsedTimer m_clock;
    QList<double> m_latencies;
    QList<int> m_statuses;
    QString m_failure;
    bool m_done = false;
};

} // namespace steward::bench
