#include "team/ConnectDialog.h"

#include "Settings.h"
#include "UiTr.h"
#include "jobs/JobRunner.h"
#include "store/Database.h"
#include "store/Migrator.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>
#include <QUrlQuery>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

// Opens the connection as the desktop would and says what it found.
Result<QString> tryConnection(const DatabaseUrl &url, const QString &password)
{
    auto opened = Database::open(url, password);
    if (!opened)
        return opened.error();
    auto server = opened.value()->texts(u"SHOW server_version"_s);
    if (!server)
        return server.error();
    auto version = Migrator(*opened.value()).currentVersion();
    if (!version)
        return version.error();
    return UiTr::tr("Connected to %1 as %2: PostgreSQL %3, schema version %4.")
        .arg(url.databaseName, url.user, server.value().value(0).section(u' ', 0, 0))
        .arg(version.value());
}

} // namespace

ConnectDialog::ConnectDialog(Settings &settings, const DatabaseUrl &current, QWidget *parent)
    : QDialog(parent), m_settings(settings), m_hostEdit(new QLineEdit(this)), m_portSpin(new QSpinBox(this)),
      m_databaseEdit(new QLineEdit(this)), m_userEdit(new QLineEdit(this)), m_sslModeCombo(new QComboBox(this)),
      m_statusLabel(new QLabel(this)), m_testButton(new QPushButton(UiTr::tr("&Test connection"), this)),
      m_connectButton(new QPushButton(UiTr::tr("&Connect"), this)),
      m_runner(new jobs::JobRunner(u"connect-check"_s, this))
{
    setObjectName(u"connectDialog"_s);
    setWindowTitle(UiTr::tr("Connect to team database"));
    m_hostEdit->setObjectName(u"hostEdit"_s);
    m_portSpin->setObjectName(u"portSpinBox"_s);
    m_databaseEdit->setObjectName(u"databaseEdit"_s);
    m_userEdit->setObjectName(u"userEdit"_s);
    m_sslModeCombo->setObjectName(u"sslModeCombo"_s);
    m_statusLabel->setObjectName(u"connectionStatusLabel"_s);
    m_testButton->setObjectName(u"testConnectionButton"_s);
    m_connectButton->setObjectName(u"connectButton"_s);

    m_portSpin->setRange(1, 65535);
    m_hostEdit->setPlaceholderText(u"db.example.com"_s);
    m_userEdit->setPlaceholderText(UiTr::tr("your database login, e.g. amara.okafor"));
    m_sslModeCombo->addItem(UiTr::tr("Prefer TLS (libpq default)"), u"prefer"_s);
    m_sslModeCombo->addItem(UiTr::tr("Require TLS"), u"require"_s);
    m_sslModeCombo->addItem(UiTr::tr("Require TLS, verify the certificate authority"), u"verify-ca"_s);
    m_sslModeCombo->addItem(UiTr::tr("Require TLS, verify the server's name"), u"verify-full"_s);
    m_sslModeCombo->addItem(UiTr::tr("Allow TLS if the server requires it"), u"allow"_s);
    m_sslModeCombo->addItem(UiTr::tr("No TLS"), u"disable"_s);
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLabel->setMinimumHeight(48);
    m_statusLabel->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    // The current team database, else the one connected to last time.
    DatabaseUrl shown = current;
    if (shown.kind != DatabaseUrl::Kind::Postgres) {
        auto remembered = DatabaseUrl::parse(m_settings.value(Settings::Key::TeamDatabase).toString());
        shown = remembered ? remembered.value() : DatabaseUrl{};
    }
    m_hostEdit->setText(shown.host.isEmpty() ? u"localhost"_s : shown.host);
    m_portSpin->setValue(shown.port);
    m_databaseEdit->setText(shown.kind == DatabaseUrl::Kind::Postgres ? shown.databaseName : u"steward"_s);
    m_userEdit->setText(shown.user);
    const int mode = m_sslModeCombo->findData(shown.sslMode);
    m_sslModeCombo->setCurrentIndex(mode >= 0 ? mode : 0);

    auto *form = new QFormLayout;
    form->addRow(UiTr::tr("&Host:"), m_hostEdit);
    form->addRow(UiTr::tr("&Port:"), m_portSpin);
    form->addRow(UiTr::tr("&Database:"), m_databaseEdit);
    form->addRow(UiTr::tr("&User:"), m_userEdit);
    form->addRow(UiTr::tr("T&LS:"), m_sslModeCombo);
    auto *note = new QLabel(UiTr::tr("The password comes from ~/.pgpass or PGPASSWORD; otherwise you are asked "
                                     "for it. It is never saved."),
                            this);
    note->setWordWrap(true);
    note->setEnabled(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_connectButton, QDialogButtonBox::AcceptRole);
    m_connectButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_testButton, &QPushButton::clicked, this, [this] { check(Purpose::Test, {}); });
    connect(m_connectButton, &QPushButton::clicked, this, [this] { check(Purpose::Connect, {}); });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_statusLabel);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_testButton);
    bottom->addStretch(1);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);
    setMinimumWidth(520);
}

Result<DatabaseUrl> ConnectDialog::enteredUrl() const
{
    // Built as a URI and read back by the one parser of --db, so both accept the same things.
    QUrl uri;
    uri.setScheme(u"postgresql"_s);
    uri.setHost(m_hostEdit->text().trimmed());
    uri.setPort(m_portSpin->value());
    uri.setUserName(m_userEdit->text().trimmed());
    uri.setPath(u"/"_s + m_databaseEdit->text().trimmed());
    QUrlQuery query;
    query.addQueryItem(u"sslmode"_s, m_sslModeCombo->currentData().toString());
    uri.setQuery(query);
    if (uri.host().isEmpty())
        return Error::invalid(UiTr::tr("Host"), UiTr::tr("name the server the team database runs on"));
    return DatabaseUrl::parse(uri.toString());
}

void ConnectDialog::check(Purpose purpose, const QString &password)
{
    auto url = enteredUrl();
    if (!url)
        return showStatus(url.error().text(), true);
    setBusy(true);
    showStatus(UiTr::tr("Connecting to %1…").arg(url.value().host), false);
    m_runner->discardAll(); // only the latest attempt answers
    m_runner->start([url = url.value(), password](jobs::JobContext &) { return tryConnection(url, password); },
                    [this, purpose, url = url.value(), password](const Result<QString> &outcome) {
                        checked(purpose, url, password, outcome);
                    });
}

void ConnectDialog::checked(Purpose purpose, const DatabaseUrl &url, const QString &password,
                            const Result<QString> &outcome)
{
    setBusy(false);
    if (!outcome) {
        if (outcome.error().field == u"password"_s) {
            // A password typed wrong says so, then lets the person try again.
            showStatus(password.isEmpty() ? UiTr::tr("%1 needs a password.").arg(url.host) : outcome.error().text(),
                       !password.isEmpty());
            return askPassword(purpose, url);
        }
        return showStatus(outcome.error().text(), true);
    }
    showStatus(outcome.value(), false);
    if (purpose == Purpose::Test)
        return;
    m_settings.setValue(Settings::Key::TeamDatabase, url.toString()); // never the password
    Q_EMIT connectRequested(url, password);
    accept();
}

void ConnectDialog::askPassword(Purpose purpose, const DatabaseUrl &url)
{
    auto *prompt = new QInputDialog(this);
    prompt->setObjectName(u"passwordDialog"_s);
    prompt->setAttribute(Qt::WA_DeleteOnClose);
    prompt->setWindowTitle(UiTr::tr("Password"));
    prompt->setLabelText(UiTr::tr("Password of %1 on %2:").arg(url.user, url.host));
    prompt->setTextEchoMode(QLineEdit::Password);
    connect(prompt, &QInputDialog::textValueSelected, this,
            [this, purpose](const QString &password) { check(purpose, password); });
    prompt->open();
}

void ConnectDialog::setBusy(bool busy)
{
    m_testButton->setEnabled(!busy);
    m_connectButton->setEnabled(!busy);
}

void ConnectDialog::showStatus(const QString &text, bool failure)
{
    m_statusLabel->setStyleSheet(failure ? u"QLabel { color: #a4262c; }"_s : QString());
    m_statusLabel->setText(text);
}

} // namespace steward
