// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "bankdocument.h"
#include "banklistmodel.h"
#include "descriptormapview.h"
#include "devicepanel.h"
#include "mappingeditor.h"
#include "preseteditor.h"
#include "previewpanel.h"
#include "renderservice.h"
#include "samplelibrary.h"
#include "virtualmodule.h"

#include "audio/audiofile.h"
#include "io/documentcodec.h"
#include "io/documentfile.h"
#include "model/factory.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>

namespace neurorack::studio {

namespace {

constexpr const char *kPresetMimeType = "application/x-neurorack-preset";

QString settingsKey(const char *key)
{
    return QStringLiteral("mainwindow/") + QLatin1String(key);
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new BankDocument(this))
    , m_render(new RenderService(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setDockNestingEnabled(true);
    createPanels();
    createActions();
    createMenus();
    connectDocument();

    m_modelLabel = new QLabel(tr("No model loaded"));
    statusBar()->addPermanentWidget(m_modelLabel);
    connect(m_render, &RenderService::modelLoaded, this, [this](const ModelInfo &model) {
        m_modelLabel->setText(tr("Model: %1 %2 (%3)").arg(model.name, model.version, model.device));
        m_modelLabel->setToolTip(model.path);
        auditionCurrent();
    });
    connect(m_render, &RenderService::modelFailed, this, [this](const QString &message) {
        showError(tr("Cannot load the model"), tr("The model was not loaded; the previous one (if any) stays in use."), message);
    });
    const QString model = ImpactEngine::defaultModelPath();
    if (model.isEmpty())
        m_modelLabel->setText(tr("No model found: Play ▸ Load Model…"));
    else
        m_render->loadModel(model);

    resize(1400, 900);
    m_defaultLayout = saveState();
    restoreLayout();
}

MainWindow::~MainWindow() = default;

QDockWidget *MainWindow::addPanel(QWidget *panel, const QString &title, const QString &objectName, Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName); // saveState() keys on it
    dock->setWidget(panel);
    addDockWidget(area, dock);
    m_docks << dock;
    return dock;
}

void MainWindow::createPanels()
{
    m_model = new BankListModel(m_document, this);
    m_list = new QListView;
    m_list->setObjectName(QStringLiteral("bankList"));
    m_list->setModel(m_model);
    m_list->setUniformItemSizes(true);
    m_list->setDragDropMode(QAbstractItemView::DragDrop);
    m_list->setDefaultDropAction(Qt::MoveAction);
    m_list->setDragDropOverwriteMode(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_list->setMinimumWidth(200);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showSlot(current.row()); });
    connect(m_list, &QListView::activated, this, [this] { auditionCurrent(); });

    m_editor = new PresetEditor;
    setCentralWidget(m_editor);
    m_preview = new PreviewPanel;
    m_map = new DescriptorMapView;
    m_mapping = new MappingEditor;
    m_device = new DevicePanel;
    m_samples = new SampleLibrary(this);

    addPanel(m_list, tr("Bank"), QStringLiteral("bankDock"), Qt::LeftDockWidgetArea);
    addPanel(m_preview, tr("Preview"), QStringLiteral("previewDock"), Qt::BottomDockWidgetArea);
    QDockWidget *map = addPanel(m_map, tr("Descriptor Map"), QStringLiteral("mapDock"), Qt::RightDockWidgetArea);
    QDockWidget *mapping = addPanel(m_mapping, tr("Mapping"), QStringLiteral("mappingDock"), Qt::RightDockWidgetArea);
    QDockWidget *device = addPanel(m_device, tr("Device"), QStringLiteral("deviceDock"), Qt::RightDockWidgetArea);
    tabifyDockWidget(map, mapping);
    tabifyDockWidget(mapping, device);
    map->raise();

    m_renderTimer = new QTimer(this);
    m_renderTimer->setSingleShot(true);
    m_renderTimer->setInterval(kRenderDebounce);
    connect(m_renderTimer, &QTimer::timeout, this, &MainWindow::auditionCurrent);

    // Edits from the panels become undo commands; the document tells everyone back.
    connect(m_editor, &PresetEditor::presetEdited, this,
            [this](int slot, const Preset &preset, const QString &text, int mergeId) {
                m_document->setPreset(slot, preset, text, mergeId);
            });
    connect(m_mapping, &MappingEditor::mappingEdited, this,
            [this](const Mapping &mapping, const QString &text, int mergeId) {
                m_document->setMapping(mapping, text, mergeId);
            });
    connect(m_mapping, &MappingEditor::auditionRequested, this, &MainWindow::audition);
    connect(m_mapping, &MappingEditor::slotRequested, this, &MainWindow::selectSlot);
    connect(m_mapping, &MappingEditor::cvCurvesChanged, m_map, &DescriptorMapView::setCvMarker);

    connect(m_map, &DescriptorMapView::presetActivated, this, [this](int slot) {
        selectSlot(slot);
        auditionCurrent();
    });
    connect(m_map, &DescriptorMapView::sampleActivated, this, [this](const QString &path) {
        const auto clip = AudioFile::read(path);
        if (!clip) {
            showError(tr("Cannot play the sample"), tr("“%1” cannot be read.").arg(QFileInfo(path).fileName()), clip.errorString());
            return;
        }
        const auto &samples = clip->samples;
        m_preview->setAudio(QList<float>(samples.begin(), samples.end()), QFileInfo(path).fileName(), 0.0);
    });
    connect(m_map, &DescriptorMapView::morphRequested, this, &MainWindow::audition);

    connect(m_device, &DevicePanel::bankPulled, this, [this](const Bank &bank, const QString &source) {
        if (!maybeSave())
            return;
        setBank(bank, QString());
        statusBar()->showMessage(tr("Opened the bank pulled from %1 (not saved yet)").arg(source), 8000);
    });

    connect(m_render, &RenderService::rendered, this,
            [this](quint64 id, const QString &title, const QList<float> &audio, double renderMs) {
                m_lastAudio = audio;
                m_lastTitle = title;
                m_preview->setBusy(m_render->isBusy());
                m_preview->setAudio(audio, title, renderMs);
                if (m_editPending && id == m_currentRender) {
                    m_editPending = false;
                    statusBar()->showMessage(tr("Rendered in %1 ms; %2 ms from the edit to the sound")
                                                 .arg(renderMs, 0, 'f', 1)
                                                 .arg(static_cast<double>(m_editClock.nsecsElapsed()) / 1e6, 0, 'f', 1),
                                             5000);
                }
            });
    connect(m_render, &RenderService::renderFailed, this, [this](quint64, const QString &title, const QString &message) {
        m_preview->setError(tr("Cannot render “%1”: %2").arg(title, message));
    });
    connect(m_render, &RenderService::busyChanged, m_preview, &PreviewPanel::setBusy);

    connect(m_samples, &SampleLibrary::finished, this, [this](bool cancelled) {
        if (m_importProgress)
            m_importProgress->close();
        if (cancelled) {
            statusBar()->showMessage(tr("Import cancelled; the map is unchanged"), 5000);
            return;
        }
        m_map->setSamples(m_samples->samples());
        statusBar()->showMessage(tr("%n sample(s) on the map", nullptr, static_cast<int>(m_samples->samples().size())), 8000);
        QStringList errors;
        for (const SampleError &error : m_samples->errors())
            errors << error.message;
        if (!errors.isEmpty())
            showError(tr("Some files were not imported"),
                      tr("%n file(s) could not be analysed; the others are on the map.", nullptr, static_cast<int>(errors.size())),
                      errors.join(QLatin1Char('\n')));
    });
    connect(m_samples, &SampleLibrary::failed, this, [this](const QString &message) {
        if (m_importProgress)
            m_importProgress->close();
        showError(tr("Cannot import the samples"), message);
    });
    connect(m_samples, &SampleLibrary::progress, this, [this](int done, int total) {
        if (!m_importProgress)
            return;
        m_importProgress->setMaximum(total);
        m_importProgress->setValue(done);
    });
}

void MainWindow::createActions()
{
    m_undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redo->setShortcut(QKeySequence::Redo);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New Bank"), QKeySequence::New, this, &MainWindow::newBank);
    file->addAction(tr("&Open Bank…"), QKeySequence::Open, this, &MainWindow::openBankDialog);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(tr("Open &Factory Bank"), this, [this] {
        if (maybeSave())
            setBank(*Factory::bank(), QString());
    });
    file->addSeparator();
    file->addAction(tr("&Save Bank"), QKeySequence::Save, this, &MainWindow::saveBank);
    file->addAction(tr("Save Bank &As…"), QKeySequence::SaveAs, this, &MainWindow::saveBankAsDialog);
    file->addSeparator();
    file->addAction(tr("&Import Samples…"), QKeySequence(Qt::CTRL | Qt::Key_I), this, &MainWindow::importSamplesDialog);
    file->addAction(tr("Export &WAV…"), QKeySequence(Qt::CTRL | Qt::Key_E), this, &MainWindow::exportWavDialog);
    file->addAction(tr("E&xport Bank…"), this, &MainWindow::exportBankDialog);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    updateRecentMenu();

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undo);
    edit->addAction(m_redo);
    edit->addSeparator();
    QAction *cut = edit->addAction(tr("Cu&t Preset"), QKeySequence::Cut, this, &MainWindow::cutPreset);
    QAction *copy = edit->addAction(tr("&Copy Preset"), QKeySequence::Copy, this, &MainWindow::copyPreset);
    QAction *paste = edit->addAction(tr("&Paste Preset"), QKeySequence::Paste, this, &MainWindow::pastePreset);
    QAction *remove = edit->addAction(tr("&Delete Preset"), QKeySequence::Delete, this, &MainWindow::deletePreset);
    for (QAction *action : {cut, copy, paste, remove}) {
        // The shortcuts belong to the bank list, so that text fields keep their own.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_list->addAction(action);
    }
    edit->addSeparator();
    edit->addAction(tr("Re&name Bank…"), this, &MainWindow::renameBank);

    QMenu *play = menuBar()->addMenu(tr("&Play"));
    play->addAction(tr("&Play Current Preset"), QKeySequence(Qt::CTRL | Qt::Key_Space), this, &MainWindow::auditionCurrent);
    play->addAction(tr("&Stop"), QKeySequence(Qt::Key_Escape), this, [this] { m_preview->stop(); });
    play->addSeparator();
    play->addAction(tr("&Load Model…"), this, &MainWindow::loadModelDialog);
    play->addAction(tr("&Virtual Module"), QKeySequence(Qt::CTRL | Qt::Key_M), this, [this] { showVirtualModule(); });

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : std::as_const(m_docks))
        m_viewMenu->addAction(dock->toggleViewAction());
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(tr("&Reset Layout"), this, [this] {
        for (QDockWidget *dock : std::as_const(m_docks))
            dock->show();
        restoreState(m_defaultLayout);
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Neurorack Studio"), this, &MainWindow::showAbout);

    QToolBar *tools = addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->addAction(m_undo);
    tools->addAction(m_redo);
    tools->addSeparator();
    tools->addAction(tr("Play"), this, &MainWindow::auditionCurrent);
}

void MainWindow::connectDocument()
{
    connect(m_document, &BankDocument::bankReset, this, [this] {
        const Bank &bank = m_document->bank();
        m_map->setBank(bank);
        m_mapping->setBank(&bank, m_slot);
        m_device->setBank(bank);
        if (m_virtualModule)
            m_virtualModule->setBank(&bank, m_slot);
        const QList<int> filled = bank.filledSlots();
        selectSlot(filled.isEmpty() ? 0 : filled.first());
        updateTitle();
    });
    connect(m_document, &BankDocument::slotChanged, this, [this](int slot) {
        const Bank &bank = m_document->bank();
        m_map->setBank(bank);
        m_device->setBank(bank);
        if (slot == m_slot) {
            m_editor->setPreset(bank.preset(slot), slot);
            m_editClock.start();
            m_editPending = true;
            scheduleRender();
        }
    });
    connect(m_document, &BankDocument::mappingChanged, this, [this] {
        const Bank &bank = m_document->bank();
        m_mapping->setBank(&bank, m_slot);
        m_device->setBank(bank);
        if (m_virtualModule)
            m_virtualModule->setBank(&bank, m_slot);
    });
    connect(m_document, &BankDocument::infoChanged, this, [this] {
        m_device->setBank(m_document->bank());
        updateTitle();
    });
    connect(m_document, &BankDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &BankDocument::pathChanged, this, &MainWindow::updateTitle);
}

const Bank &MainWindow::bank() const
{
    return m_document->bank();
}

void MainWindow::setBank(const Bank &bank, const QString &path)
{
    m_document->reset(bank, path);
    if (!path.isEmpty())
        addRecentFile(path);
    statusBar()->showMessage(tr("%1: %n preset(s), mapping “%2”", nullptr, bank.presetCount())
                                 .arg(bank.name(), bank.mapping().name),
                             8000);
}

bool MainWindow::openBank(const QString &path)
{
    const auto bank = DocumentFile::loadBank(path);
    if (!bank) {
        showError(tr("Cannot open bank"),
                  tr("“%1” is not a valid Neurorack bank. The current bank is unchanged.").arg(QFileInfo(path).fileName()),
                  bank.errorString());
        return false;
    }
    setBank(*bank, path);
    return true;
}

bool MainWindow::saveBank()
{
    if (m_document->path().isEmpty())
        return saveBankAsDialog();
    return saveBankAs(m_document->path());
}

bool MainWindow::saveBankAs(const QString &path)
{
    const QString error = m_document->save(path);
    if (!error.isEmpty()) {
        showError(tr("Cannot save bank"), tr("The bank was not saved to “%1”.").arg(path), error);
        return false;
    }
    addRecentFile(path);
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), 5000);
    return true;
}

void MainWindow::selectSlot(int slot)
{
    if (slot < 0 || slot >= Bank::kSlotCount)
        return;
    if (m_list->currentIndex().row() == slot) {
        showSlot(slot); // no selection change to do it
        return;
    }
    m_list->setCurrentIndex(m_model->index(slot)); // showSlot() runs from the selection change
}

void MainWindow::showSlot(int slot)
{
    if (slot < 0)
        return;
    m_slot = slot;
    const Bank &bank = m_document->bank();
    m_editor->setPreset(bank.preset(slot), slot);
    m_map->setSelectedSlot(slot);
    m_mapping->setBank(&bank, slot);
    if (m_virtualModule)
        m_virtualModule->setBank(&bank, slot);
}

void MainWindow::scheduleRender()
{
    m_renderTimer->start();
}

void MainWindow::auditionCurrent()
{
    const Preset *preset = m_document->bank().preset(m_slot);
    if (!preset)
        return;
    audition(preset->curves, preset->name);
}

void MainWindow::audition(const DescriptorCurves &curves, const QString &title)
{
    if (curves.isEmpty())
        return;
    if (!m_render->model()) {
        m_preview->setError(tr("No model is loaded: Play ▸ Load Model…"));
        return;
    }
    m_currentRender = m_render->render(curves, title);
    m_preview->setBusy(true);
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::warning(this, tr("Unsaved changes"),
                                             tr("The bank “%1” has unsaved changes. Save them?").arg(bank().name()),
                                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return saveBank();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_document->discardAutosave();
    saveLayout();
    if (m_virtualModule)
        m_virtualModule->close();
    event->accept();
}

bool MainWindow::offerRecovery()
{
    const auto recovery = BankDocument::findRecovery(m_document->autosavePath());
    if (!recovery)
        return false;
    const auto answer = QMessageBox::question(
        this, tr("Recover unsaved changes?"),
        tr("Neurorack Studio did not close properly. A copy of the bank “%1” with unsaved changes was kept. Restore it?")
            .arg(recovery->bank.name()),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer != QMessageBox::Yes) {
        m_document->discardAutosave();
        return false;
    }
    // Restored as an edit of the original, so that it shows as unsaved and Undo goes back to it.
    if (!recovery->originalPath.isEmpty() && QFileInfo::exists(recovery->originalPath))
        openBank(recovery->originalPath);
    else
        m_document->reset(*Factory::bank(), QString());
    const Bank restored = recovery->bank;
    for (int slot = 0; slot < Bank::kSlotCount; ++slot) {
        const Preset *now = m_document->bank().preset(slot);
        const Preset *then = restored.preset(slot);
        if (then && (!now || *now != *then))
            m_document->setPreset(slot, *then, tr("Recover slot %1").arg(slot));
        else if (!then && now)
            m_document->clearSlot(slot, tr("Recover slot %1").arg(slot));
    }
    m_document->setMapping(restored.mapping(), tr("Recover mapping"));
    m_document->setBankName(restored.name());
    m_document->setMorphPair(restored.explicitMorphPair());
    // The autosave is this window's own now: saving or closing cleanly removes it.
    m_document->autosaveNow();
    return true;
}

void MainWindow::newBank()
{
    if (!maybeSave())
        return;
    Bank bank;
    bank.setId(QStringLiteral("new-bank"));
    bank.setName(tr("New Bank"));
    bank.setMapping(*Factory::originalMapping());
    setBank(bank, QString());
}

void MainWindow::openBankDialog()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Bank"), QFileInfo(m_document->path()).absolutePath(),
                                                      tr("Neurorack banks (*.json *.cbor);;All files (*)"));
    if (!path.isEmpty())
        openBank(path);
}

bool MainWindow::saveBankAsDialog()
{
    QString start = m_document->path();
    if (start.isEmpty())
        start = limits::idFromName(bank().name()) + QStringLiteral(".json");
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Bank"), start, tr("Neurorack banks (*.json *.cbor)"));
    return !path.isEmpty() && saveBankAs(path);
}

void MainWindow::exportBankDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Bank"), limits::idFromName(bank().name()) + QStringLiteral(".cbor"),
                                                      tr("Compact bank (*.cbor);;JSON bank (*.json)"));
    if (path.isEmpty())
        return;
    const QString error = DocumentFile::saveBank(path, bank());
    if (!error.isEmpty())
        showError(tr("Cannot export the bank"), tr("Nothing was written to “%1”.").arg(path), error);
    else
        statusBar()->showMessage(tr("Exported %1").arg(QFileInfo(path).fileName()), 5000);
}

void MainWindow::exportWavDialog()
{
    if (m_lastAudio.isEmpty()) {
        showError(tr("Nothing to export"), tr("Play a preset first: the last sound heard is exported."));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export WAV"), limits::idFromName(m_lastTitle) + QStringLiteral(".wav"),
                                                      tr("WAV audio (*.wav)"));
    if (path.isEmpty())
        return;
    const std::vector<float> samples(m_lastAudio.begin(), m_lastAudio.end());
    const QString error = AudioFile::write(path, samples);
    if (!error.isEmpty())
        showError(tr("Cannot export the sound"), tr("Nothing was written to “%1”.").arg(path), error);
    else
        statusBar()->showMessage(tr("Exported %1").arg(QFileInfo(path).fileName()), 5000);
}

void MainWindow::importSamplesDialog()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Import Samples"));
    if (folder.isEmpty())
        return;
    auto *progress = new QProgressDialog(tr("Analysing the samples of “%1”…").arg(QFileInfo(folder).fileName()), tr("Cancel"), 0, 0, this);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    connect(progress, &QProgressDialog::canceled, m_samples, &SampleLibrary::cancel);
    m_importProgress = progress;
    m_samples->importFolder(folder);
}

void MainWindow::loadModelDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load Model"), QFileInfo(ImpactEngine::defaultModelPath()).absolutePath(),
                                                      tr("Neurorack models (*.pt);;All files (*)"));
    if (!path.isEmpty())
        m_render->loadModel(path);
}

void MainWindow::copyPreset()
{
    const Preset *preset = bank().preset(m_slot);
    if (!preset)
        return;
    auto *mime = new QMimeData;
    const QByteArray json = DocumentFile::serialize(DocumentCodec::encodePreset(*preset), Encoding::Json);
    mime->setData(QLatin1String(kPresetMimeType), json);
    mime->setText(QString::fromUtf8(json));
    QApplication::clipboard()->setMimeData(mime);
    statusBar()->showMessage(tr("Copied “%1”").arg(preset->name), 3000);
}

void MainWindow::cutPreset()
{
    if (!bank().preset(m_slot))
        return;
    copyPreset();
    m_document->clearSlot(m_slot, tr("Cut preset"));
}

void MainWindow::pastePreset()
{
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    if (!mime)
        return;
    // Our own format, or preset JSON pasted from a text editor.
    const QByteArray bytes = mime->hasFormat(QLatin1String(kPresetMimeType)) ? mime->data(QLatin1String(kPresetMimeType))
                                                                             : mime->text().toUtf8();
    const auto preset = DocumentFile::presetFromBytes(bytes);
    if (!preset) {
        showError(tr("Cannot paste"), tr("The clipboard does not hold a Neurorack preset."), preset.errorString());
        return;
    }
    m_document->pastePreset(m_slot, *preset);
}

void MainWindow::deletePreset()
{
    if (const Preset *preset = bank().preset(m_slot))
        m_document->clearSlot(m_slot, tr("Delete “%1”").arg(preset->name));
}

void MainWindow::renameBank()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename Bank"), tr("Bank name:"), QLineEdit::Normal, bank().name(), &ok);
    if (!ok)
        return;
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > limits::kMaxNameLength) {
        showError(tr("Cannot rename the bank"), tr("A bank name has 1 to %1 characters.").arg(limits::kMaxNameLength));
        return;
    }
    m_document->setBankName(trimmed);
}

VirtualModule *MainWindow::showVirtualModule()
{
    if (!m_virtualModule) {
        m_virtualModule = new VirtualModule(this);
        m_virtualModule->setWindowFlag(Qt::Window);
        m_virtualModule->setAttribute(Qt::WA_DeleteOnClose);
        m_virtualModule->setBank(&m_document->bank(), m_slot);
        connect(m_virtualModule, &VirtualModule::auditionRequested, this, &MainWindow::audition);
        connect(m_virtualModule, &VirtualModule::slotRequested, this, &MainWindow::selectSlot);
        // The module's CV state moves as a marker on the map.
        connect(m_virtualModule, &VirtualModule::cvCurvesChanged, m_map, &DescriptorMapView::setCvMarker);
        connect(m_virtualModule, &VirtualModule::hostPortChanged, this, [this](const QString &port) {
            if (port.isEmpty())
                return;
            m_device->addVirtualPort(port, tr("Virtual module"));
        });
    }
    m_virtualModule->show();
    m_virtualModule->raise();
    m_virtualModule->activateWindow();
    return m_virtualModule;
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Neurorack Studio"),
                       tr("<h3>Neurorack Studio %1</h3><p>Design presets for the Neurorack neural impact "
                          "synthesizer: draw descriptor curves, hear them through the model, map the CVs "
                          "and push banks to the module.</p><p>GPL-3.0-or-later.</p>")
                           .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::updateTitle()
{
    const QString file = m_document->path().isEmpty() ? tr("unsaved") : QFileInfo(m_document->path()).fileName();
    setWindowTitle(tr("%1 (%2)[*] — Neurorack Studio").arg(bank().name(), file));
    setWindowModified(m_document->isModified());
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = QSettings().value(settingsKey("recentFiles")).toStringList();
    for (const QString &path : files) {
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] {
            if (maybeSave())
                openBank(path);
        })->setToolTip(path);
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::addRecentFile(const QString &path)
{
    QSettings settings;
    QStringList files = settings.value(settingsKey("recentFiles")).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    settings.setValue(settingsKey("recentFiles"), files);
    updateRecentMenu();
}

void MainWindow::showError(const QString &title, const QString &text, const QString &details)
{
    // Window-modal and not blocking: the event loop (and the tests) keep running.
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    if (!details.isEmpty())
        box->setDetailedText(details);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    restoreGeometry(settings.value(settingsKey("geometry")).toByteArray());
    restoreState(settings.value(settingsKey("state")).toByteArray());
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.setValue(settingsKey("geometry"), saveGeometry());
    settings.setValue(settingsKey("state"), saveState());
}

} // namespace neurorack::studio
