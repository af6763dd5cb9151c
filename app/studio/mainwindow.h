// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/bank.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QDockWidget;
class QLabel;
class QListView;
class QMenu;
class QProgressDialog;

namespace neurorack::studio {

class BankDocument;
class BankListModel;
class DescriptorMapView;
class DevicePanel;
class MappingEditor;
class PresetEditor;
class PreviewPanel;
class RenderService;
class SampleLibrary;
class VirtualModule;

/// Neurorack Studio's main window: the preset editor in the middle, dockable panels
/// around it (bank list, descriptor map, preview, mapping editor, device panel) whose
/// layout is remembered, the menus, and the routing between them. Every edit goes
/// through the document's undo stack; every render through the render service.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// Remembered layout and recent files live in QSettings under this group.
    static constexpr int kMaxRecentFiles = 8;
    /// Time between an edit and its re-render request: edits come in bursts while dragging.
    static constexpr std::chrono::milliseconds kRenderDebounce{15};

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Shows @p bank, loaded from @p path (empty for the factory bank or a new bank).
    void setBank(const Bank &bank, const QString &path);
    const Bank &bank() const;
    BankDocument *document() const { return m_document; }
    RenderService *renderService() const { return m_render; }
    /// Loads a bank file; on error shows the messages and keeps the current bank.
    bool openBank(const QString &path);
    /// Saves to the bank's file (or asks for one); false when cancelled or failed.
    bool saveBank();
    bool saveBankAs(const QString &path);
    /// Selects a slot in the bank list (and shows its preset in the editor).
    void selectSlot(int slot);
    int currentSlot() const { return m_slot; }
    /// Renders the current preset and plays it.
    void auditionCurrent();
    /// Renders @p curves and plays them in the preview, titled @p title.
    void audition(const DescriptorCurves &curves, const QString &title);
    /// Offers to restore a bank left by a crash; true when one was restored.
    bool offerRecovery();
    /// Opens (or raises) the virtual module window.
    VirtualModule *showVirtualModule();

    PresetEditor *presetEditor() const { return m_editor; }
    PreviewPanel *preview() const { return m_preview; }
    DescriptorMapView *descriptorMap() const { return m_map; }
    MappingEditor *mappingEditor() const { return m_mapping; }
    DevicePanel *devicePanel() const { return m_device; }
    QListView *bankList() const { return m_list; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createPanels();
    void createActions();
    void createMenus();
    void connectDocument();
    QDockWidget *addPanel(QWidget *panel, const QString &title, const QString &objectName, Qt::DockWidgetArea area);
    /// Asks about unsaved changes: true when it is fine to go on.
    bool maybeSave();
    void newBank();
    void openBankDialog();
    bool saveBankAsDialog();
    void exportBankDialog();
    void exportWavDialog();
    void importSamplesDialog();
    void loadModelDialog();
    void copyPreset();
    void cutPreset();
    void pastePreset();
    void deletePreset();
    void renameBank();
    void showAbout();
    void updateTitle();
    void updateRecentMenu();
    void addRecentFile(const QString &path);
    void showSlot(int slot);
    void scheduleRender();
    void showError(const QString &title, const QString &text, const QString &details = {});
    void restoreLayout();
    void saveLayout();

    BankDocument *m_document = nullptr;
    BankListModel *m_model = nullptr;
    RenderService *m_render = nullptr;
    SampleLibrary *m_samples = nullptr;
    QListView *m_list = nullptr;
    PresetEditor *m_editor = nullptr;
    PreviewPanel *m_preview = nullptr;
    DescriptorMapView *m_map = nullptr;
    MappingEditor *m_mapping = nullptr;
    DevicePanel *m_device = nullptr;
    QPointer<VirtualModule> m_virtualModule;
    QPointer<QProgressDialog> m_importProgress;
    QLabel *m_modelLabel = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QList<QDockWidget *> m_docks;
    QByteArray m_defaultLayout;
    int m_slot = 0;
    QTimer *m_renderTimer = nullptr;
    QElapsedTimer m_editClock; ///< from the last edit to its sound, for the status bar
    bool m_editPending = false;
    quint64 m_currentRender = 0;
    QList<float> m_lastAudio;
    QString m_lastTitle;
};

} // namespace neurorack::studio
