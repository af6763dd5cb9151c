// SPDX-License-Identifier: GPL-3.0-or-later
#include "previewpanel.h"

#include "levelmeter.h"
#include "spectrogramview.h"
#include "waveformview.h"

#include "model/framegrid.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace neurorack::studio {

namespace {

constexpr int kBusyBarWidth = 80;
constexpr int kWaveformStretch = 2;
constexpr int kSpectrogramStretch = 3;

} // namespace

PreviewPanel::PreviewPanel(QWidget *parent, AudioPlayer::Output output)
    : QWidget(parent)
    , m_player(new AudioPlayer(this, output))
{
    // Title line: what is shown, and whether a newer render is on its way.
    m_title = new QLabel(tr("Nothing rendered yet"), this);
    m_title->setObjectName(QStringLiteral("previewTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_busyLabel = new QLabel(tr("Rendering…"), this);
    m_busyLabel->setObjectName(QStringLiteral("previewBusy"));
    m_busyBar = new QProgressBar(this);
    m_busyBar->setRange(0, 0); // indeterminate
    m_busyBar->setTextVisible(false);
    m_busyBar->setFixedWidth(kBusyBarWidth);
    m_busyLabel->hide();
    m_busyBar->hide();
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title, 1);
    titleRow->addWidget(m_busyLabel);
    titleRow->addWidget(m_busyBar);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("previewError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #e53935;"));
    m_error->hide();

    m_waveform = new WaveformView(this);
    m_spectrogram = new SpectrogramView(this);

    // Transport.
    m_playAction = new QAction(this);
    m_playAction->setShortcut(QKeySequence(Qt::Key_Space));
    m_playAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_playAction->setEnabled(false);
    addAction(m_playAction);
    connect(m_playAction, &QAction::triggered, m_player, &AudioPlayer::toggle);
    m_playButton = new QToolButton(this);
    m_playButton->setObjectName(QStringLiteral("previewPlay"));
    m_playButton->setDefaultAction(m_playAction);
    m_playButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_loop = new QCheckBox(tr("&Loop"), this);
    m_loop->setObjectName(QStringLiteral("previewLoop"));
    connect(m_loop, &QCheckBox::toggled, this, [this](bool on) {
        m_player->setLooping(on);
        Q_EMIT loopingChanged(on);
    });
    m_autoPlay = new QCheckBox(tr("&Auto-play on change"), this);
    m_autoPlay->setObjectName(QStringLiteral("previewAutoPlay"));
    m_autoPlay->setToolTip(tr("Play each new render as soon as it is ready"));
    m_autoPlay->setChecked(true);
    connect(m_autoPlay, &QCheckBox::toggled, this, &PreviewPanel::autoPlayChanged);
    m_position = new QLabel(this);
    m_position->setObjectName(QStringLiteral("previewPosition"));
    m_position->setMinimumWidth(m_position->fontMetrics().horizontalAdvance(QStringLiteral("00.00 s / 00.00 s")));
    m_meter = new LevelMeter(this);
    auto *transport = new QHBoxLayout;
    transport->addWidget(m_playButton);
    transport->addWidget(m_loop);
    transport->addWidget(m_autoPlay);
    transport->addWidget(m_position);
    transport->addWidget(m_meter, 1);

    m_outputStatus = new QLabel(this);
    m_outputStatus->setObjectName(QStringLiteral("previewOutputStatus"));
    m_outputStatus->setTextFormat(Qt::PlainText);
    m_outputStatus->setWordWrap(true);
    m_outputStatus->setEnabled(false); // a note, greyed

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(titleRow);
    layout->addWidget(m_error);
    layout->addWidget(m_waveform, kWaveformStretch);
    layout->addWidget(m_spectrogram, kSpectrogramStretch);
    layout->addLayout(transport);
    layout->addWidget(m_outputStatus);

    connect(m_player, &AudioPlayer::playingChanged, this, &PreviewPanel::updateTransport);
    connect(m_player, &AudioPlayer::positionChanged, this, &PreviewPanel::updatePosition);
    connect(m_player, &AudioPlayer::levelChanged, m_meter, &LevelMeter::setLevels);
    connect(m_player, &AudioPlayer::availabilityChanged, this, &PreviewPanel::updateOutputStatus);
    connect(m_player, &AudioPlayer::errorOccurred, this, [this](const QString &message) {
        m_outputStatus->setText(message);
        m_outputStatus->show();
    });
    updateTransport(false);
    updatePosition(0.0);
    updateOutputStatus();
}

PreviewPanel::~PreviewPanel() = default;

void PreviewPanel::setAudio(const QList<float> &samples, const QString &title, double renderMs)
{
    const double seconds = static_cast<double>(samples.size()) / grid::kSampleRate;
    const QString duration = tr("%1 s").arg(seconds, 0, 'f', 2);
    m_title->setText(renderMs >= 0.0 ? tr("%1 · %2 · rendered in %3 ms").arg(title, duration, QString::number(renderMs, 'f', 1))
                                     : tr("%1 · %2").arg(title, duration));
    setError(QString());
    m_player->setAudio(samples);
    m_waveform->setAudio(samples);
    m_spectrogram->setAudio(samples);
    m_playAction->setEnabled(!samples.isEmpty());
    if (m_autoPlay->isChecked() && !m_player->isPlaying())
        m_player->play();
    updatePosition(m_player->positionSeconds());
}

void PreviewPanel::setBusy(bool busy)
{
    m_busy = busy;
    m_busyLabel->setVisible(busy);
    m_busyBar->setVisible(busy);
}

void PreviewPanel::setError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

QString PreviewPanel::error() const
{
    return m_error->text();
}

void PreviewPanel::setAutoPlay(bool autoPlay)
{
    m_autoPlay->setChecked(autoPlay);
}

bool PreviewPanel::autoPlay() const
{
    return m_autoPlay->isChecked();
}

void PreviewPanel::setLooping(bool looping)
{
    m_loop->setChecked(looping);
}

bool PreviewPanel::isLooping() const
{
    return m_loop->isChecked();
}

void PreviewPanel::play()
{
    m_player->play();
}

void PreviewPanel::stop()
{
    m_player->stop();
}

void PreviewPanel::updateTransport(bool playing)
{
    const QString shortcut = m_playAction->shortcut().toString(QKeySequence::NativeText);
    m_playAction->setText(playing ? tr("Stop") : tr("Play"));
    m_playAction->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaStop : QStyle::SP_MediaPlay));
    m_playAction->setToolTip(playing ? tr("Stop the preview (%1)").arg(shortcut) : tr("Play the preview (%1)").arg(shortcut));
    if (!playing) {
        m_waveform->setPlayhead(-1.0);
        updatePosition(0.0);
    }
}

void PreviewPanel::updatePosition(double seconds)
{
    if (m_player->isPlaying())
        m_waveform->setPlayhead(seconds);
    m_position->setText(tr("%1 s / %2 s").arg(seconds, 0, 'f', 2).arg(m_player->durationSeconds(), 0, 'f', 2));
}

void PreviewPanel::updateOutputStatus()
{
    m_outputStatus->setText(m_player->unavailableReason());
    m_outputStatus->setVisible(!m_player->isAvailable());
}

} // namespace neurorack::studio
