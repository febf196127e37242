#pragma once

#include "model/Error.h"
#include "store/DatabaseUrl.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace steward {

class Settings;
namespace jobs {
class JobRunner;
}

// File > Connect to team database: where the shared PostgreSQL database is and who logs
// in. Test connection and Connect both try the connection on a worker thread, never the
// GUI thread, and show the database's reason when it fails; then nothing changes. A
// password comes from ~/.pgpass or PGPASSWORD, else from a prompt, and is never stored;
// the other parameters are remembered for next time.
class ConnectDialog : public QDialog
{
    Q_OBJECT

public:
    ConnectDialog(Settings &settings, const DatabaseUrl &current, QWidget *parent = nullptr);

Q_SIGNALS:
    // The connection worked: the window should switch to it. `password` is what was typed
    // at the prompt, if anything, for this session only.
    void connectRequested(const steward::DatabaseUrl &url, const QString &password);

private:
    enum class Purpose { Test, Connect };
    Result<DatabaseUrl> enteredUrl() const;
    void check(Purpose purpose, const QString &password);
    void checked(Purpose purpose, const DatabaseUrl &url, const QString &password, const Result<QString> &outcome);
    void askPassword(Purpose purpose, const DatabaseUrl &url);
    void setBusy(bool busy);
    void showStatus(const QString &text, bool failure);

    Settings &m_settings;
    QLineEdit *m_hostEdit;
    QSpinBox *m_portSpin;
    QLineEdit *m_databaseEdit;
    QLineEdit *m_userEdit;
    QComboBox *m_sslModeCombo;
    QLabel *m_statusLabel;
    QPushButton *m_testButton;
    QPushButton *m_connectButton;
    jobs::JobRunner *m_runner; // its own thread; each attempt opens and closes a connection there
};

} // namespace steward
