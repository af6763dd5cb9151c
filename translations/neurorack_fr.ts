<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en_US">
<context>
    <name>Descriptor</name>
    <message>
        <source>Loudness</source>
        <translation>Intensité</translation>
    </message>
    <message>
        <source>Percussivity</source>
        <translation>Percussivité</translation>
    </message>
    <message>
        <source>Noisiness</source>
        <translation>Bruit</translation>
    </message>
    <message>
        <source>Tonality</source>
        <translation>Tonalité</translation>
    </message>
    <message>
        <source>Richness</source>
        <translation>Richesse</translation>
    </message>
    <message>
        <source>Brightness</source>
        <translation>Brillance</translation>
    </message>
    <message>
        <source>Pitch</source>
        <translation>Hauteur</translation>
    </message>
    <message>
        <source>unvoiced</source>
        <translation>sans hauteur</translation>
    </message>
</context>
<context>
    <name>PresetGenerator</name>
    <message>
        <source>%1 lasts %2 ms, shorter than the %3 ms a preset needs.</source>
        <translation>%1 dure %2 ms, moins que les %3 ms qu&apos;il faut à un preset.</translation>
    </message>
    <message>
        <source>%1 lasts %2 s; the preset keeps its first %3 s.</source>
        <translation>%1 dure %2 s&#xa0;; le preset en garde les %3 premières secondes.</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>Échantillon</translation>
    </message>
    <message>
        <source>New preset</source>
        <translation>Nouveau preset</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Design presets for the Neurorack impact synthesizer.</source>
        <translation>Concevez des presets pour le synthétiseur d&apos;impacts Neurorack.</translation>
    </message>
    <message>
        <source>A bank file to open (default: the factory bank).</source>
        <translation>Un fichier de banque à ouvrir (par défaut&#xa0;: la banque d&apos;usine).</translation>
    </message>
    <message>
        <source>The factory bank built into this program is damaged:
%1</source>
        <translation>La banque d&apos;usine intégrée à ce programme est endommagée&#xa0;:
%1</translation>
    </message>
</context>
<context>
    <name>neurorack::studio::AudioPlayer</name>
    <message>
        <source>Audio output is off: playback is silent.</source>
        <translation>La sortie audio est coupée&#xa0;: la lecture est muette.</translation>
    </message>
    <message>
        <source>No audio output device: playback is silent, the playhead and meter still run.</source>
        <translation>Aucun périphérique de sortie audio&#xa0;: la lecture est muette, mais la tête de lecture et le vumètre fonctionnent.</translation>
    </message>
    <message>
        <source>The audio output “%1” cannot play 48 kHz audio (it wants %2 Hz): playback is silent.</source>
        <translation>La sortie audio «&#xa0;%1&#xa0;» ne peut pas lire de l&apos;audio à 48 kHz (elle attend %2 Hz)&#xa0;: la lecture est muette.</translation>
    </message>
    <message>
        <source>Could not open the audio output “%1”: playing silently.</source>
        <translation>Impossible d&apos;ouvrir la sortie audio «&#xa0;%1&#xa0;»&#xa0;: lecture muette.</translation>
    </message>
    <message>
        <source>The audio output “%1” stopped: playing on silently.</source>
        <translation>La sortie audio «&#xa0;%1&#xa0;» s&apos;est arrêtée&#xa0;: la lecture continue sans son.</translation>
    </message>
</context>
<context>
    <name>neurorack::studio::BankDocument</name>
    <message>
        <source>Swap slots %1 and %2</source>
        <translation>Échanger les emplacements %1 et %2</translation>
    </message>
    <message>
        <source>Move preset to slot %1</source>
        <translation>Déplacer le preset vers l&apos;emplacement %1</translation>
    </message>
    <message>
        <source>Paste “%1”</source>
        <translation>Coller «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Rename bank</source>
        <translation>Renommer la banque</translation>
    </message>
    <message>
        <source>Set morph pair</source>
        <translation>Définir la paire de morphing</translation>
    </message>
</context>
<context>
    <name>neurorack::studio::BankListModel</name>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>Slot %1 is empty: drop a preset here, paste one, or draw one in the editor.</source>
        <translation>L&apos;emplacement %1 est vide&#xa0;: déposez-y un preset, collez-en un ou dessinez-en un dans l&apos;éditeur.</translation>
    </message>
    <message>
        <source>%1 (%2)
%3 s · %4</source>
        <translation>%1 (%2)
%3 s · %4</translation>
    </message>
    <message>
        <source>no tags</source>
        <translation>aucune étiquette</translation>
    </message>
</context>
<context>
    <name>neurorack::studio::CurveChartView</name>
    <message>
        <source>Time (s)</source>
        <translation>Temps (s)</translation>
    </message>
    <message>
        <source>Position in range</source>
        <translation>Position dans la plage</translation>
    </message>
    <message>
        <source>Empty slot</source>
        <translation>Emplacement vide</translation>
    </message>
</context>
<context>
    <name>neurorack::studio::CurveEditView</name>
    <message>
        <source>Time (s)</source>
        <translation>Temps (s)</translation>
    </message>
    <message>
        <source>Pitch (note)</source>
        <translation>Hauteur (note)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 s  ·  %2</source>
        <translation>%1 s  ·  %2</translation>
    </message>
</context>
<context>
    <name>neurorack::studio::DescriptorMapView</name>
    <message>
        <source>Horizontal axis</source>
        <translation>Axe horizontal</translation>
    </message>
    <message>
        <source>Vertical axis</source>
        <translation>Axe vertical</translation>
    </message>
    <message>
        <source>Descriptor that colours the points</source>
        <translation>Descripteur qui colore les points</translation>
    </message>
    <message>
        <source>Morph amount between the two selected points (Ctrl+click selects the second)</source>
        <translation>Quantité de morphing entre les deux points sélectionnés (Ctrl+clic sélectionne le second)</translation>
    </message>
    <message>
        <source>Morph %1 %</source>
        <translation>Morphing %1&#xa0;%</translation>
    </message>
    <message>
        <source>X:</source>
        <translation>X&#xa0;:</translation>
    </message>
    <message>
        <source>Y:</source>
        <translation>Y&#xa0;:</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>Couleur&#xa0;:</translation>
    </message>
    <message>
        <source>Large dots: presets · small dots: samples · triangle: CV state. Click plays; Ctrl+click a second point to morph.</source>
        <translation>Gros points&#xa0;: presets · petits&#xa0;: échantillons · triangle&#xa0;: CV. Clic&#xa0;: écouter&#xa0;; Ctrl+clic sur un 2e point&#xa0;: morphing.</translation>
    </message>
    <message>
        <source>PCA %1</source>
        <translation>ACP %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>PCA %1 (%2 % of the variance)</source>
        <translation>ACP %1 (%2&#xa0;% de la variance)</translation>
    </message>
    <message>
        <source>Colour: %1</source>
        <translation>Couleur&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1: %2 … %3</source>
        <translation>%1&#xa0;: %2 … %3</translation>
    </message>
    <message>
        <source>Preset in slot %1</source>
        <translation>Preset de l&apos;emplacement %1</translation>
    </message>
    <message>
        <source>Sample: %1</source>
        <translation>Échantillon&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Morph %1 → %2, %3 %</source>
        <translation>Morphing %1 → %2, %3&#xa0;%</translation>
    </message>
</context>
<context>
    <name>neurorack::studio::DevicePanel</name>
    <message>
        <source>the file is larger than a model may be (1 GB)</source>
        <translation>le fichier dépasse la taille maximale d&apos;un modèle (1 Go)</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>le fichier est vide</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Module</translation>
    </message>
    <message>
        <source>Modules found by their USB ids (refreshed every few seconds), ports added by Studio, or a port of your choice</source>
        <translation>Modules détectés par leurs identifiants USB (liste actualisée toutes les quelques secondes), ports ajoutés par Studio, ou un port de votre choix</translation>
    </message>
    <message>
        <source>/dev/ttyACM0</source>
        <translation>/dev/ttyACM0</translation>
    </message>
    <message>
        <source>The serial port of the module</source>
        <translation>Le port série du module</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connecter</translation>
    </message>
    <message>
        <source>On the module</source>
        <translation>Sur le module</translation>
    </message>
    <message>
        <source>Module:</source>
        <translation>Module&#xa0;:</translation>
    </message>
    <message>
        <source>Versions:</source>
        <translation>Versions&#xa0;:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modèle&#xa0;:</translation>
    </message>
    <message>
        <source>Bank:</source>
        <translation>Banque&#xa0;:</translation>
    </message>
    <message>
        <source>Stored:</source>
        <translation>En mémoire&#xa0;:</translation>
    </message>
    <message>
        <source>Storage:</source>
        <translation>Stockage&#xa0;:</translation>
    </message>
    <message>
        <source>Banks and models</source>
        <translation>Banques et modèles</translation>
    </message>
    <message>
        <source>The bank file on the module that Push replaces and Pull fetches (default: the one it plays)</source>
        <translation>Le fichier de banque du module que l&apos;envoi remplace et que la récupération rapatrie (par défaut&#xa0;: celui qu&apos;il joue)</translation>
    </message>
    <message>
        <source>Bank file on the module:</source>
        <translation>Fichier de banque sur le module&#xa0;:</translation>
    </message>
    <message>
        <source>Bank to push:</source>
        <translation>Banque à envoyer&#xa0;:</translation>
    </message>
    <message>
        <source>Back up before push</source>
        <translation>Sauvegarder avant l&apos;envoi</translation>
    </message>
    <message>
        <source>Saves the module&apos;s bank that a push replaces to %1 first</source>
        <translation>Enregistre d&apos;abord dans %1 la banque du module que l&apos;envoi remplace</translation>
    </message>
    <message>
        <source>Play it on the module</source>
        <translation>L&apos;activer sur le module</translation>
    </message>
    <message>
        <source>Switch the module to the pushed bank or uploaded model</source>
        <translation>Faire passer le module sur la banque ou le modèle envoyé</translation>
    </message>
    <message>
        <source>Push bank</source>
        <translation>Envoyer la banque</translation>
    </message>
    <message>
        <source>Send the open bank to the module</source>
        <translation>Envoyer la banque ouverte au module</translation>
    </message>
    <message>
        <source>Pull bank</source>
        <translation>Récupérer la banque</translation>
    </message>
    <message>
        <source>Open the module&apos;s bank as a new document</source>
        <translation>Ouvrir la banque du module comme nouveau document</translation>
    </message>
    <message>
        <source>Upload model…</source>
        <translation>Envoyer un modèle…</translation>
    </message>
    <message>
        <source>Send a model file (.pt) to the module; it checks the model before using it</source>
        <translation>Envoyer un fichier de modèle (.pt) au module&#xa0;; il vérifie le modèle avant de l&apos;utiliser</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Jouer</translation>
    </message>
    <message>
        <source>Play this slot of the module&apos;s bank, as a gate would</source>
        <translation>Jouer cet emplacement de la banque du module, comme le ferait un gate</translation>
    </message>
    <message>
        <source>Slot:</source>
        <translation>Emplacement&#xa0;:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop the transfer; the module keeps what it had</source>
        <translation>Arrêter le transfert&#xa0;; le module garde ce qu&apos;il avait</translation>
    </message>
    <message>
        <source>What happens on the link shows here.</source>
        <translation>Ce qui se passe sur la liaison s&apos;affiche ici.</translation>
    </message>
    <message>
        <source>none (open a bank first)</source>
        <translation>aucune (ouvrez d&apos;abord une banque)</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot;, %n preset(s)</source>
        <translation>
            <numerusform>«&#xa0;%1&#xa0;», %n preset</numerusform>
            <numerusform>«&#xa0;%1&#xa0;», %n presets</numerusform>
        </translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Déconnecter</translation>
    </message>
    <message>
        <source>Connected to %1 on %2.</source>
        <translation>Connecté à %1 sur %2.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>No module found. Plug the module in with its USB cable and power the rack, or choose &quot;Other port…&quot;.</source>
        <translation>Aucun module trouvé. Branchez le module avec son câble USB et allumez le rack, ou choisissez «&#xa0;Autre port…&#xa0;».</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Neurorack module on %1</source>
        <translation>Module Neurorack sur %1</translation>
    </message>
    <message>
        <source>Neurorack module %1 on %2</source>
        <translation>Module Neurorack %1 sur %2</translation>
    </message>
    <message>
        <source>Other port…</source>
        <translation>Autre port…</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, protocol %2 (Neurorack Studio %3, protocol %4)</source>
        <translation>%1, protocole %2 (Neurorack Studio %3, protocole %4)</translation>
    </message>
    <message>
        <source>%1 (%2, on %3)</source>
        <translation>%1 (%2, sur %3)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (%2), slot %3</source>
        <translation>«&#xa0;%1&#xa0;» (%2), emplacement %3</translation>
    </message>
    <message numerus="yes">
        <source>%n bank(s)</source>
        <translation>
            <numerusform>%n banque</numerusform>
            <numerusform>%n banques</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <source>%n model(s)</source>
        <translation>
            <numerusform>%n modèle</numerusform>
            <numerusform>%n modèles</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 free of %2</source>
        <translation>%1 libres sur %2</translation>
    </message>
    <message>
        <source>%1 of %2 (%p%)</source>
        <extracomment>%1 and %2 are sizes (&quot;120 kB of 480 kB&quot;); %p% is the percentage</extracomment>
        <translation>%1 sur %2 (%p&#xa0;%)</translation>
    </message>
    <message>
        <source>The module keeps what it had. Plug it back in, connect and run the same transfer again to resume where it stopped.</source>
        <translation>Le module garde ce qu&apos;il avait. Rebranchez-le, connectez-vous et relancez le même transfert pour reprendre là où il s&apos;est arrêté.</translation>
    </message>
    <message>
        <source>Plug it back in, connect and try again.</source>
        <translation>Rebranchez-le, connectez-vous et réessayez.</translation>
    </message>
    <message>
        <source>Check the cable and connect again.</source>
        <translation>Vérifiez le câble et reconnectez-vous.</translation>
    </message>
    <message>
        <source>No module on this port. %1</source>
        <translation>Aucun module sur ce port. %1</translation>
    </message>
    <message>
        <source>Nothing answers on this port: is the module powered, and is this its port? %1</source>
        <translation>Rien ne répond sur ce port&#xa0;: le module est-il alimenté, et est-ce bien son port&#xa0;? %1</translation>
    </message>
    <message>
        <source>The module stopped answering. %1 %2</source>
        <translation>Le module ne répond plus. %1 %2</translation>
    </message>
    <message>
        <source>The link to the module was lost: was the cable unplugged? %1</source>
        <translation>La liaison avec le module est perdue&#xa0;: le câble a-t-il été débranché&#xa0;? %1</translation>
    </message>
    <message>
        <source>The module and Neurorack Studio speak different protocol versions. %1</source>
        <translation>Le module et Neurorack Studio ne parlent pas la même version du protocole. %1</translation>
    </message>
    <message>
        <source>The module refused: %1</source>
        <translation>Le module a refusé&#xa0;: %1</translation>
    </message>
    <message>
        <source>The data arrived damaged; nothing was changed. Check the cable and try again. %1</source>
        <translation>Les données sont arrivées endommagées&#xa0;; rien n&apos;a été modifié. Vérifiez le câble et réessayez. %1</translation>
    </message>
    <message>
        <source>Cancelled during the backup: nothing was pushed.</source>
        <translation>Annulé pendant la sauvegarde&#xa0;: rien n&apos;a été envoyé.</translation>
    </message>
    <message>
        <source>Cancelled: the module keeps what it had.</source>
        <translation>Annulé&#xa0;: le module garde ce qu&apos;il avait.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>The module&apos;s answer makes no sense to this program (%1). Update Neurorack Studio and the module&apos;s runtime.</source>
        <translation>La réponse du module est incompréhensible pour ce programme (%1). Mettez à jour Neurorack Studio et le runtime du module.</translation>
    </message>
    <message>
        <source>The link was lost. Plug the module back in and connect again.</source>
        <translation>La liaison est perdue. Rebranchez le module et reconnectez-vous.</translation>
    </message>
    <message>
        <source>The module went away from %1: was the cable unplugged? Plug it back in and connect again.</source>
        <translation>Le module a disparu de %1&#xa0;: le câble a-t-il été débranché&#xa0;? Rebranchez-le et reconnectez-vous.</translation>
    </message>
    <message>
        <source>Disconnected from %1.</source>
        <translation>Déconnecté de %1.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Connected to %1 on %2 (protocol %3).</source>
        <translation>Connecté à %1 sur %2 (protocole %3).</translation>
    </message>
    <message>
        <source>The module has no %1 yet: nothing to back up.</source>
        <translation>Le module n&apos;a pas encore de %1&#xa0;: rien à sauvegarder.</translation>
    </message>
    <message>
        <source>Backing up the module&apos;s %1…</source>
        <translation>Sauvegarde de %1 depuis le module…</translation>
    </message>
    <message>
        <source>Nothing was pushed.</source>
        <translation>Rien n&apos;a été envoyé.</translation>
    </message>
    <message>
        <source>Could not back up the module&apos;s %1 to %2: %3. Nothing was pushed; turn off &quot;Back up before push&quot; to push anyway.</source>
        <translation>Impossible de sauvegarder %1 du module dans %2&#xa0;: %3. Rien n&apos;a été envoyé&#xa0;; décochez «&#xa0;Sauvegarder avant l&apos;envoi&#xa0;» pour envoyer quand même.</translation>
    </message>
    <message numerus="yes">
        <source>Backed up the module&apos;s %1 (&quot;%2&quot;, %n preset(s)) to %3</source>
        <translation>
            <numerusform>%1 du module («&#xa0;%2&#xa0;», %n preset) sauvegardé dans %3</numerusform>
            <numerusform>%1 du module («&#xa0;%2&#xa0;», %n presets) sauvegardé dans %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Pushing &quot;%1&quot; as %2…</source>
        <translation>Envoi de «&#xa0;%1&#xa0;» sous le nom %2…</translation>
    </message>
    <message>
        <source>Pushed &quot;%1&quot; to %2 (%3): %4 sent in %5 s. The module plays it now.</source>
        <translation>Banque «&#xa0;%1&#xa0;» envoyée vers %2 (%3)&#xa0;: %4 transférés en %5 s. Le module la joue maintenant.</translation>
    </message>
    <message>
        <source>Pushed &quot;%1&quot; to %2 (%3): %4 sent in %5 s.</source>
        <translation>Banque «&#xa0;%1&#xa0;» envoyée vers %2 (%3)&#xa0;: %4 transférés en %5 s.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Pulling %1…</source>
        <translation>Récupération de %1…</translation>
    </message>
    <message numerus="yes">
        <source>Pulled &quot;%1&quot; (%n preset(s)) from %2.</source>
        <translation>
            <numerusform>Banque «&#xa0;%1&#xa0;» (%n preset) récupérée depuis %2.</numerusform>
            <numerusform>Banque «&#xa0;%1&#xa0;» (%n presets) récupérée depuis %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Upload a model to the module</source>
        <translation>Envoyer un modèle au module</translation>
    </message>
    <message>
        <source>Neurorack models (*.pt);;All files (*)</source>
        <translation>Modèles Neurorack (*.pt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>Cannot upload %1: %2.</source>
        <translation>Impossible d&apos;envoyer %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Uploading %1 (%2); the module checks it before keeping it…</source>
        <translation>Envoi de %1 (%2)&#xa0;; le module le vérifie avant de le garder…</translation>
    </message>
    <message>
        <source>Uploaded %1 (%2) in %3 s. The module plays with it now.</source>
        <translation>%1 (%2) envoyé en %3 s. Le module joue désormais avec.</translation>
    </message>
    <message>
        <source>Uploaded %1 (%2) in %3 s.</source>
        <translation>%1 (%2) envoyé en %3 s.</translation>
    </message>
    <message>
        <source>The module plays slot %1: %2.</source>
        <translation>Le module joue l&apos;emplacement %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Cancelling after the chunk in flight…</source>
        <translation>Annulation après le bloc en cours de transfert…</translation>
    </message>
</context>
<context>
    <name>neurorack::studio::LevelMeter</name>
    <message>
        <source>Level meter</source>
        <translation>Vumètre</translation>
    </message>
    <message>
        <source>Output level in dBFS: RMS, peak and held peak. Click to clear the clip light.</source>
        <translation>Niveau de sortie en dBFS&#xa0;: RMS, crête et crête maintenue. Cliquez pour éteindre le voyant d&apos;écrêtage.</translation>
    </message>
    <message>
        <source>CLIP</source>
        <translation>CLIP</translation>
    </message>
    <message>
        <source>−∞ dB</source>
        <translation>−∞ dB</translation>
    </message>
    <message>
        <source>%1 dB</source>
        <translation>%1 dB</translation>
    </message>
</context>
<context>
    <name>neurorack::studio::MainWindow</name>
    <message>
        <source>No model loaded</source>
        <translation>Aucun modèle chargé</translation>
    </message>
    <message>
        <source>Model: %1 %2 (%3)</source>
        <translation>Modèle&#xa0;: %1 %2 (%3)</translation>
    </message>
    <message>
        <source>Cannot load the model</source>
        <translation>Impossible de charger le modèle</translation>
    </message>
    <message>
        <source>The model was not loaded; the previous one (if any) stays in use.</source>
        <translation>Le modèle n&apos;a pas été chargé&#xa0;; le précédent (s&apos;il y en a un) reste utilisé.</translation>
    </message>
    <message>
        <source>No model found: Play ▸ Load Model…</source>
        <translation>Aucun modèle trouvé&#xa0;: Lecture ▸ Charger un modèle…</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Banque</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Pré-écoute</translation>
    </message>
    <message>
        <source>Descriptor Map</source>
        <translation>Carte des descripteurs</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>Mapping</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Module</translation>
    </message>
    <message>
        <source>Cannot play the sample</source>
        <translation>Impossible de jouer l&apos;échantillon</translation>
    </message>
    <message>
        <source>“%1” cannot be read.</source>
        <translation>«&#xa0;%1&#xa0;» est illisible.</translation>
    </message>
    <message>
        <source>Opened the bank pulled from %1 (not saved yet)</source>
        <translation>Banque récupérée depuis %1 ouverte (pas encore enregistrée)</translation>
    </message>
    <message>
        <source>Rendered in %1 ms; %2 ms from the edit to the sound</source>
        <translation>Rendu en %1 ms&#xa0;; %2 ms de la modification au son</translation>
    </message>
    <message>
        <source>Cannot render “%1”: %2</source>
        <translation>Rendu de «&#xa0;%1&#xa0;» impossible&#xa0;: %2</translation>
    </message>
    <message>
        <source>Import cancelled; the map is unchanged</source>
        <translation>Import annulé&#xa0;; la carte est inchangée</translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) on the map</source>
        <translation>
            <numerusform>%n échantillon sur la carte</numerusform>
            <numerusform>%n échantillons sur la carte</numerusform>
        </translation>
    </message>
    <message>
        <source>Some files were not imported</source>
        <translation>Certains fichiers n&apos;ont pas été importés</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be analysed; the others are on the map.</source>
        <translation>
            <numerusform>%n fichier n&apos;a pas pu être analysé&#xa0;; les autres sont sur la carte.</numerusform>
            <numerusform>%n fichiers n&apos;ont pas pu être analysés&#xa0;; les autres sont sur la carte.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot import the samples</source>
        <translation>Impossible d&apos;importer les échantillons</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New Bank</source>
        <translation>&amp;Nouvelle banque</translation>
    </message>
    <message>
        <source>&amp;Open Bank…</source>
        <translation>&amp;Ouvrir une banque…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Fichiers &amp;récents</translation>
    </message>
    <message>
        <source>Open &amp;Factory Bank</source>
        <translation>Ouvrir la banque d&apos;&amp;usine</translation>
    </message>
    <message>
        <source>&amp;Save Bank</source>
        <translation>&amp;Enregistrer la banque</translation>
    </message>
    <message>
        <source>Save Bank &amp;As…</source>
        <translation>Enregistrer la banque &amp;sous…</translation>
    </message>
    <message>
        <source>&amp;Import Samples…</source>
        <translation>&amp;Importer des échantillons…</translation>
    </message>
    <message>
        <source>Export &amp;WAV…</source>
        <translation>Exporter en &amp;WAV…</translation>
    </message>
    <message>
        <source>E&amp;xport Bank…</source>
        <translation>E&amp;xporter la banque…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>Cu&amp;t Preset</source>
        <translation>Cou&amp;per le preset</translation>
    </message>
    <message>
        <source>&amp;Copy Preset</source>
        <translation>&amp;Copier le preset</translation>
    </message>
    <message>
        <source>&amp;Paste Preset</source>
        <translation>C&amp;oller le preset</translation>
    </message>
    <message>
        <source>&amp;Delete Preset</source>
        <translation>&amp;Supprimer le preset</translation>
    </message>
    <message>
        <source>Re&amp;name Bank…</source>
        <translation>Re&amp;nommer la banque…</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Lecture</translation>
    </message>
    <message>
        <source>&amp;Play Current Preset</source>
        <translation>&amp;Jouer le preset courant</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <source>&amp;Load Model…</source>
        <translation>&amp;Charger un modèle…</translation>
    </message>
    <message>
        <source>&amp;Virtual Module</source>
        <translation>Module &amp;virtuel</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>&amp;Réinitialiser la disposition</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;About Neurorack Studio</source>
        <translation>À &amp;propos de Neurorack Studio</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Barre principale</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Jouer</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n preset(s), mapping “%2”</source>
        <translation>
            <numerusform>%1&#xa0;: %n preset, mapping «&#xa0;%2&#xa0;»</numerusform>
            <numerusform>%1&#xa0;: %n presets, mapping «&#xa0;%2&#xa0;»</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open bank</source>
        <translation>Impossible d&apos;ouvrir la banque</translation>
    </message>
    <message>
        <source>“%1” is not a valid Neurorack bank. The current bank is unchanged.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une banque Neurorack valide. La banque actuelle est inchangée.</translation>
    </message>
    <message>
        <source>Cannot save bank</source>
        <translation>Impossible d&apos;enregistrer la banque</translation>
    </message>
    <message>
        <source>The bank was not saved to “%1”.</source>
        <translation>La banque n&apos;a pas été enregistrée dans «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>No model is loaded: Play ▸ Load Model…</source>
        <translation>Aucun modèle n&apos;est chargé&#xa0;: Lecture ▸ Charger un modèle…</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>The bank “%1” has unsaved changes. Save them?</source>
        <translation>La banque «&#xa0;%1&#xa0;» a des modifications non enregistrées. Les enregistrer&#xa0;?</translation>
    </message>
    <message>
        <source>Recover unsaved changes?</source>
        <translation>Récupérer les modifications non enregistrées&#xa0;?</translation>
    </message>
    <message>
        <source>Neurorack Studio did not close properly. A copy of the bank “%1” with unsaved changes was kept. Restore it?</source>
        <translation>Neurorack Studio ne s&apos;est pas fermé correctement. Une copie de la banque «&#xa0;%1&#xa0;» avec des modifications non enregistrées a été conservée. La restaurer&#xa0;?</translation>
    </message>
    <message>
        <source>Recover slot %1</source>
        <translation>Récupérer l&apos;emplacement %1</translation>
    </message>
    <message>
        <source>Recover mapping</source>
        <translation>Récupérer le mapping</translation>
    </message>
    <message>
        <source>New Bank</source>
        <translation>Nouvelle banque</translation>
    </message>
    <message>
        <source>Open Bank</source>
        <translation>Ouvrir une banque</translation>
    </message>
    <message>
        <source>Neurorack banks (*.json *.cbor);;All files (*)</source>
        <translation>Banques Neurorack (*.json *.cbor);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Save Bank</source>
        <translation>Enregistrer la banque</translation>
    </message>
    <message>
        <source>Neurorack banks (*.json *.cbor)</source>
        <translation>Banques Neurorack (*.json *.cbor)</translation>
    </message>
    <message>
        <source>Export Bank</source>
        <translation>Exporter la banque</translation>
    </message>
    <message>
        <source>Compact bank (*.cbor);;JSON bank (*.json)</source>
        <translation>Banque compacte (*.cbor);;Banque JSON (*.json)</translation>
    </message>
    <message>
        <source>Cannot export the bank</source>
        <translation>Impossible d&apos;exporter la banque</translation>
    </message>
    <message>
        <source>Nothing was written to “%1”.</source>
        <translation>Rien n&apos;a été écrit dans «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Exporté&#xa0;: %1</translation>
    </message>
    <message>
        <source>Nothing to export</source>
        <translation>Rien à exporter</translation>
    </message>
    <message>
        <source>Play a preset first: the last sound heard is exported.</source>
        <translation>Jouez d&apos;abord un preset&#xa0;: c&apos;est le dernier son entendu qui est exporté.</translation>
    </message>
    <message>
        <source>Export WAV</source>
        <translation>Exporter en WAV</translation>
    </message>
    <message>
        <source>WAV audio (*.wav)</source>
        <translation>Audio WAV (*.wav)</translation>
    </message>
    <message>
        <source>Cannot export the sound</source>
        <translation>Impossible d&apos;exporter le son</translation>
    </message>
    <message>
        <source>Import Samples</source>
        <translation>Importer des échantillons</translation>
    </message>
    <message>
        <source>Analysing the samples of “%1”…</source>
        <translation>Analyse des échantillons de «&#xa0;%1&#xa0;»…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Load Model</source>
        <translation>Charger un modèle</translation>
    </message>
    <message>
        <source>Neurorack models (*.pt);;All files (*)</source>
        <translation>Modèles Neurorack (*.pt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Copied “%1”</source>
        <translation>«&#xa0;%1&#xa0;» copié</translation>
    </message>
    <message>
        <source>Cut preset</source>
        <translation>Couper le preset</translation>
    </message>
    <message>
        <source>Cannot paste</source>
        <translation>Impossible de coller</translation>
    </message>
    <message>
        <source>The clipboard does not hold a Neurorack preset.</source>
        <translation>Le presse-papiers ne contient pas de preset Neurorack.</translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation>Supprimer «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Rename Bank</source>
        <translation>Renommer la banque</translation>
    </message>
    <message>
        <source>Bank name:</source>
        <translation>Nom de la banque&#xa0;:</translation>
    </message>
    <message>
        <source>Cannot rename the bank</source>
        <translation>Impossible de renommer la banque</translation>
    </message>
    <message>
        <source>A bank name has 1 to %1 characters.</source>
        <translation>Un nom de banque compte de 1 à %1 caractères.</translation>
    </message>
    <message>
        <source>Virtual module</source>
        <translation>Module virtuel</translation>
    </message>
    <message>
        <source>About Neurorack Studio</source>
        <translation>À propos de Neurorack Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Neurorack Studio %1&lt;/h3&gt;&lt;p&gt;Design presets for the Neurorack neural impact synthesizer: draw descriptor curves, hear them through the model, map the CVs and push banks to the module.&lt;/p&gt;&lt;p&gt;GPL-3.0-or-later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Neurorack Studio %1&lt;/h3&gt;&lt;p&gt;Concevez des presets pour le synthétiseur d&apos;impacts neuronal Neurorack&#xa0;: dessinez les courbes des descripteurs, écoutez-les à travers le modèle, assignez les CV et envoyez les banques au module.&lt;/p&gt;&lt;p&gt;GPL-3.0-or-later.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>unsaved</source>
        <translation>non enregistrée</translation>
    </message>
    <message>
        <source>%1 (%2)[*] — Neurorack Studio</source>
        <translation>%1 (%2)[*] — Neurorack Studio</translation>
    </message>
</context>
<context>
    <name>neurorack::studio::MappingEditor</name>
    <message>
        <source>Nothing</source>
        <translation>Rien</translation>
    </message>
    <message>
        <source>Descriptor offset</source>
        <translation>Décalage de descripteur</translation>
    </message>
    <message>
        <source>Descriptor scale</source>
        <translation>Échelle de descripteur</translation>
    </message>
    <message>
        <source>Morph amount</source>
        <translation>Quantité de morphing</translation>
    </message>
    <message>
        <source>Preset select</source>
        <translation>Choix du preset</translation>
    </message>
    <message>
        <source>Bank scan</source>
        <translation>Balayage de la banque</translation>
    </message>
    <message>
        <source>Pitch (1 V/oct)</source>
        <translation>Hauteur (1 V/oct)</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>Linéaire</translation>
    </message>
    <message>
        <source>Exponential (x²)</source>
        <translation>Exponentielle (x²)</translation>
    </message>
    <message>
        <source>Logarithmic (√x)</source>
        <translation>Logarithmique (√x)</translation>
    </message>
    <message>
        <source>S-curve</source>
        <translation>Courbe en S</translation>
    </message>
    <message>
        <source>Play the current preset</source>
        <translation>Jouer le preset courant</translation>
    </message>
    <message>
        <source>Play the morph</source>
        <translation>Jouer le morphing</translation>
    </message>
    <message>
        <source>Next preset</source>
        <translation>Preset suivant</translation>
    </message>
    <message>
        <source>Previous preset</source>
        <translation>Preset précédent</translation>
    </message>
    <message>
        <source>semitones</source>
        <translation>demi-tons</translation>
    </message>
    <message>
        <source>× (factor)</source>
        <translation>× (facteur)</translation>
    </message>
    <message>
        <source>A (0) … B (1)</source>
        <translation>A (0) … B (1)</translation>
    </message>
    <message>
        <source>first (0) … last (1)</source>
        <translation>premier (0) … dernier (1)</translation>
    </message>
    <message>
        <source>fixed: 12 semitones per volt</source>
        <translation>fixe&#xa0;: 12 demi-tons par volt</translation>
    </message>
    <message>
        <source>Mapping name</source>
        <translation>Nom du mapping</translation>
    </message>
    <message>
        <source>Load factory mapping…</source>
        <translation>Charger un mapping d&apos;usine…</translation>
    </message>
    <message>
        <source>Original panel</source>
        <translation>Panneau d&apos;origine</translation>
    </message>
    <message>
        <source>Alternative (bank scan)</source>
        <translation>Alternatif (balayage de banque)</translation>
    </message>
    <message>
        <source>Replaces the whole mapping with one of the two that ship with the module</source>
        <translation>Remplace tout le mapping par l&apos;un des deux fournis avec le module</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Live simulation: move a CV slider, hold a gate button to play what the module would play. Smoothing is not simulated.</source>
        <translation>Simulation en direct&#xa0;: déplacez un curseur de CV, maintenez un bouton de gate pour entendre ce que jouerait le module. Le lissage n&apos;est pas simulé.</translation>
    </message>
    <message>
        <source>CV %1</source>
        <translation>CV %1</translation>
    </message>
    <message>
        <source>What this CV input drives</source>
        <translation>Ce que pilote cette entrée CV</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>The descriptor an offset or a scale applies to</source>
        <translation>Le descripteur auquel s&apos;applique le décalage ou l&apos;échelle</translation>
    </message>
    <message>
        <source>Descriptor</source>
        <translation>Descripteur</translation>
    </message>
    <message>
        <source> V</source>
        <translation> V</translation>
    </message>
    <message>
        <source>The input voltage that gives the low end of the range; lower voltages read as this</source>
        <translation>La tension d&apos;entrée qui donne le bas de la plage&#xa0;; une tension inférieure compte comme celle-ci</translation>
    </message>
    <message>
        <source>The input voltage that gives the high end of the range; higher voltages read as this</source>
        <translation>La tension d&apos;entrée qui donne le haut de la plage&#xa0;; une tension supérieure compte comme celle-ci</translation>
    </message>
    <message>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>The target&apos;s value at the input&apos;s low voltage</source>
        <translation>La valeur de la cible à la tension basse de l&apos;entrée</translation>
    </message>
    <message>
        <source>The target&apos;s value at the input&apos;s high voltage (may be below the low end)</source>
        <translation>La valeur de la cible à la tension haute de l&apos;entrée (peut être inférieure à la valeur basse)</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Plage</translation>
    </message>
    <message>
        <source>How the voltage is shaped between the two ends of the range</source>
        <translation>La façon dont la tension est mise en forme entre les deux bornes de la plage</translation>
    </message>
    <message>
        <source>Curve</source>
        <translation>Courbe</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Time constant of the module&apos;s one-pole smoother (0: none). The live simulation below does not smooth: its sliders act at once.</source>
        <translation>Constante de temps du lissage à un pôle du module (0&#xa0;: aucun). La simulation en direct ci-dessous ne lisse pas&#xa0;: ses curseurs agissent immédiatement.</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>Lissage</translation>
    </message>
    <message>
        <source>Simulated voltage at this input (smoothing is not simulated)</source>
        <translation>Tension simulée sur cette entrée (le lissage n&apos;est pas simulé)</translation>
    </message>
    <message>
        <source>Simulate</source>
        <translation>Simuler</translation>
    </message>
    <message>
        <source>Gate %1</source>
        <translation>Gate %1</translation>
    </message>
    <message>
        <source>What a rising edge at this gate does</source>
        <translation>Ce que fait un front montant sur ce gate</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>The gate goes high above this voltage</source>
        <translation>Le gate passe à l&apos;état haut au-dessus de cette tension</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Seuil</translation>
    </message>
    <message>
        <source>The gate goes low again only below the threshold minus this, so a noisy edge fires once</source>
        <translation>Le gate ne repasse à l&apos;état bas que sous le seuil moins cette valeur&#xa0;: un front bruité ne déclenche qu&apos;une fois</translation>
    </message>
    <message>
        <source>Hysteresis</source>
        <translation>Hystérésis</translation>
    </message>
    <message>
        <source>Hold to play gate %1</source>
        <translation>Maintenir pour jouer le gate %1</translation>
    </message>
    <message>
        <source>Puts %1 V on the gate while held down</source>
        <translation>Envoie %1 V sur le gate tant qu&apos;il est enfoncé</translation>
    </message>
    <message>
        <source>%1 V</source>
        <translation>%1 V</translation>
    </message>
    <message>
        <source>%1 V → %2 %3</source>
        <translation>%1 V → %2 %3</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Haut</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Bas</translation>
    </message>
    <message>
        <source>Set CV %1 target</source>
        <translation>Modifier la cible de CV %1</translation>
    </message>
    <message>
        <source>Set CV %1 descriptor</source>
        <translation>Modifier le descripteur de CV %1</translation>
    </message>
    <message>
        <source>Set CV %1 input range</source>
        <translation>Modifier la plage d&apos;entrée de CV %1</translation>
    </message>
    <message>
        <source>Set CV %1 target range</source>
        <translation>Modifier la plage de la cible de CV %1</translation>
    </message>
    <message>
        <source>Set CV %1 response curve</source>
        <translation>Modifier la courbe de réponse de CV %1</translation>
    </message>
    <message>
        <source>Set CV %1 smoothing</source>
        <translation>Modifier le lissage de CV %1</translation>
    </message>
    <message>
        <source>Set gate %1 action</source>
        <translation>Modifier l&apos;action du gate %1</translation>
    </message>
    <message>
        <source>Set gate %1 threshold</source>
        <translation>Modifier le seuil du gate %1</translation>
    </message>
    <message>
        <source>Set gate %1 hysteresis</source>
        <translation>Modifier l&apos;hystérésis du gate %1</translation>
    </message>
    <message>
        <source>Rename mapping</source>
        <translation>Renommer le mapping</translation>
    </message>
    <message>
        <source>The factory mapping does not load: %1</source>
        <translation>Le mapping d&apos;usine ne se charge pas&#xa0;: %1</translation>
    </message>
    <message>
        <source>Load factory mapping “%1”</source>
        <translation>Charger le mapping d&apos;usine «&#xa0;%1&#xa0;»</translation>
    </message>
</context>
<context>
    <name>neurorack::studio::ModuleSimulation</name>
    <message>
        <source>%1 V does not reach gate %2&apos;s threshold of %3 V</source>
        <translation>%1 V n&apos;atteint pas le seuil de %3 V du gate %2</translation>
    </message>
    <message>
        <source>Nothing to play: the bank has no presets to morph.</source>
        <translation>Rien à jouer&#xa0;: la banque n&apos;a pas de presets pour le morphing.</translation>
    </message>
    <message>
        <source>Nothing to play: the slot is empty.</source>
        <translation>Rien à jouer&#xa0;: l&apos;emplacement est vide.</translation>
    </message>
    <message>
        <source>Morph %1 ↔ %2 at %3 % (simulated CVs)</source>
        <translation>Morphing %1 ↔ %2 à %3&#xa0;% (CV simulées)</translation>
    </message>
    <message>
        <source>Bank scan at %1 (simulated CVs)</source>
        <translation>Balayage de la banque à %1 (CV simulées)</translation>
    </message>
    <message>
        <source>%1 (simulated CVs)</source>
        <translation>%1 (CV simulées)</translation>
    </message>
</context>
<context>
    <name>neurorack::studio::PanelFrame</name>
    <message>
        <source>NEURORACK</source>
        <translation>NEURORACK</translation>
    </message>
    <message>
        <source>OUT</source>
        <translation>OUT</translation>
    </message>
</context>
<context>
    <name>neurorack::studio::PresetEditor</name>
    <message>
        <source>This slot is empty.
Add a preset to draw, drop an audio file here to analyse it, or let Randomize synthesise one.</source>
        <translation>Cet emplacement est vide.
Ajoutez un preset à dessiner, déposez ici un fichier audio pour l&apos;analyser, ou laissez «&#xa0;Aléatoire&#xa0;» en synthétiser un.</translation>
    </message>
    <message>
        <source>Add preset</source>
        <translation>Ajouter un preset</translation>
    </message>
    <message>
        <source>Put a simple drawn impact in this slot to edit</source>
        <translation>Placer dans cet emplacement un impact simple dessiné, à modifier</translation>
    </message>
    <message>
        <source>The preset&apos;s name, 1 to %1 characters</source>
        <translation>Le nom du preset, de 1 à %1 caractères</translation>
    </message>
    <message>
        <source>kick, deep, …</source>
        <translation>kick, grave, …</translation>
    </message>
    <message>
        <source>Comma-separated tags: at most %1, of 1 to %2 characters each</source>
        <translation>Étiquettes séparées par des virgules&#xa0;: %1 au plus, de 1 à %2 caractères chacune</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>É&amp;tiquettes&#xa0;:</translation>
    </message>
    <message>
        <source>Edit %1 (%2 … %3)</source>
        <translation>Modifier %1 (%2 … %3)</translation>
    </message>
    <message>
        <source>&amp;Offset:</source>
        <translation>Dé&amp;calage&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Scale:</source>
        <translation>É&amp;chelle&#xa0;:</translation>
    </message>
    <message>
        <source>From sample…</source>
        <translation>Depuis un échantillon…</translation>
    </message>
    <message>
        <source>Analyse an audio file into this slot (or drop a file on the editor)</source>
        <translation>Analyser un fichier audio dans cet emplacement (ou déposer un fichier sur l&apos;éditeur)</translation>
    </message>
    <message>
        <source>Randomize</source>
        <translation>Aléatoire</translation>
    </message>
    <message>
        <source>Synthesise a random impact and analyse it into this slot</source>
        <translation>Synthétiser un impact aléatoire et l&apos;analyser dans cet emplacement</translation>
    </message>
    <message>
        <source>Vary</source>
        <translation>Varier</translation>
    </message>
    <message>
        <source>Small random changes of every curve and of the duration</source>
        <translation>Petites variations aléatoires de chaque courbe et de la durée</translation>
    </message>
    <message>
        <source>Drag a handle to edit · wheel to zoom · double-click for all</source>
        <translation>Glisser&#xa0;: modifier · molette&#xa0;: zoom · double-clic&#xa0;: tout</translation>
    </message>
    <message>
        <source>Drawn</source>
        <translation>Dessiné</translation>
    </message>
    <message>
        <source>Analysed from %1</source>
        <translation>Analysé depuis %1</translation>
    </message>
    <message>
        <source>Generated: %1</source>
        <translation>Généré&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1
%2 s, %3 frames</source>
        <translation>%1
%2 s, %3 trames</translation>
    </message>
    <message>
        <source> dB</source>
        <translation> dB</translation>
    </message>
    <message>
        <source>Raise or lower the whole loudness curve, in dB</source>
        <translation>Monter ou baisser toute la courbe d&apos;intensité, en dB</translation>
    </message>
    <message>
        <source>Stretch the dynamics below the peak (the peak keeps its level)</source>
        <translation>Étirer la dynamique sous la crête (la crête garde son niveau)</translation>
    </message>
    <message>
        <source> st</source>
        <translation> st</translation>
    </message>
    <message>
        <source>Transpose the pitch curve, in semitones</source>
        <translation>Transposer la courbe de hauteur, en demi-tons</translation>
    </message>
    <message>
        <source>Multiply the pitch (a frequency ratio)</source>
        <translation>Multiplier la hauteur (un rapport de fréquences)</translation>
    </message>
    <message>
        <source> Hz</source>
        <translation> Hz</translation>
    </message>
    <message>
        <source>Add to the whole curve, in Hz</source>
        <translation>Ajouter à toute la courbe, en Hz</translation>
    </message>
    <message>
        <source>Multiply the whole curve</source>
        <translation>Multiplier toute la courbe</translation>
    </message>
    <message>
        <source>Add to the whole curve (the range is 0 to 1)</source>
        <translation>Ajouter à toute la courbe (la plage va de 0 à 1)</translation>
    </message>
    <message>
        <source>Offset %1</source>
        <translation>Décalage (%1)</translation>
    </message>
    <message>
        <source>Scale %1</source>
        <translation>Échelle (%1)</translation>
    </message>
    <message>
        <source>Drag %1</source>
        <translation>Tracé (%1)</translation>
    </message>
    <message>
        <source>A preset needs a name of 1 to %1 characters.</source>
        <translation>Un preset doit avoir un nom de 1 à %1 caractères.</translation>
    </message>
    <message>
        <source>Rename preset</source>
        <translation>Renommer le preset</translation>
    </message>
    <message>
        <source>Edit tags</source>
        <translation>Modifier les étiquettes</translation>
    </message>
    <message>
        <source>The tag &quot;%1&quot; is longer than %2 characters.</source>
        <translation>L&apos;étiquette «&#xa0;%1&#xa0;» dépasse %2 caractères.</translation>
    </message>
    <message>
        <source>%1 tags; a preset has at most %2.</source>
        <translation>%1 étiquettes&#xa0;; un preset en a au plus %2.</translation>
    </message>
    <message>
        <source>Analysing %1…</source>
        <translation>Analyse de %1…</translation>
    </message>
    <message>
        <source>Analysed %1.</source>
        <translation>Analyse de %1 terminée.</translation>
    </message>
    <message>
        <source>Analyse %1</source>
        <translation>Analyser %1</translation>
    </message>
    <message>
        <source>Analyse an audio file</source>
        <translation>Analyser un fichier audio</translation>
    </message>
    <message>
        <source>Audio files (*.wav *.flac *.aif *.aiff *.ogg *.opus *.mp3);;All files (*)</source>
        <translation>Fichiers audio (*.wav *.flac *.aif *.aiff *.ogg *.opus *.mp3);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Synthesising an impact (seed %1)…</source>
        <translation>Synthèse d&apos;un impact (graine %1)…</translation>
    </message>
    <message>
        <source>Randomize (seed %1)</source>
        <translation>Aléatoire (graine %1)</translation>
    </message>
    <message>
        <source>Randomized from seed %1: %2</source>
        <translation>Tirage aléatoire avec la graine %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Varied with seed %1.</source>
        <translation>Variation avec la graine %1.</translation>
    </message>
    <message>
        <source>Vary (seed %1)</source>
        <translation>Varier (graine %1)</translation>
    </message>
    <message>
        <source>Still busy; try again when the current analysis is done.</source>
        <translation>Encore occupé&#xa0;; réessayez quand l&apos;analyse en cours sera terminée.</translation>
    </message>
</context>
<context>
    <name>neurorack::studio::PreviewPanel</name>
    <message>
        <source>Nothing rendered yet</source>
        <translation>Rien n&apos;a encore été rendu</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>Rendu en cours…</translation>
    </message>
    <message>
        <source>&amp;Loop</source>
        <translation>&amp;Boucle</translation>
    </message>
    <message>
        <source>&amp;Auto-play on change</source>
        <translation>Jo&amp;uer à chaque modification</translation>
    </message>
    <message>
        <source>Play each new render as soon as it is ready</source>
        <translation>Jouer chaque nouveau rendu dès qu&apos;il est prêt</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 · %2 · rendered in %3 ms</source>
        <translation>%1 · %2 · rendu en %3 ms</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Jouer</translation>
    </message>
    <message>
        <source>Stop the preview (%1)</source>
        <translation>Arrêter la pré-écoute (%1)</translation>
    </message>
    <message>
        <source>Play the preview (%1)</source>
        <translation>Jouer la pré-écoute (%1)</translation>
    </message>
    <message>
        <source>%1 s / %2 s</source>
        <translation>%1 s / %2 s</translation>
    </message>
</context>
<context>
    <name>neurorack::studio::SampleLibrary</name>
    <message>
        <source>An import is already running; wait for it or cancel it first.</source>
        <translation>Un import est déjà en cours&#xa0;; attendez qu&apos;il finisse ou annulez-le d&apos;abord.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Le dossier %1 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>The folder %1 holds more than %2 audio files; choose a smaller folder.</source>
        <translation>Le dossier %1 contient plus de %2 fichiers audio&#xa0;; choisissez un dossier plus petit.</translation>
    </message>
    <message>
        <source>%1: could not be analysed (%2)</source>
        <translation>%1&#xa0;: analyse impossible (%2)</translation>
    </message>
</context>
<context>
    <name>neurorack::studio::SpectrogramView</name>
    <message>
        <source>Spectrogram</source>
        <translation>Spectrogramme</translation>
    </message>
    <message>
        <source>Computing the spectrogram…</source>
        <translation>Calcul du spectrogramme…</translation>
    </message>
    <message>
        <source>No audio yet</source>
        <translation>Pas encore d&apos;audio</translation>
    </message>
</context>
<context>
    <name>neurorack::studio::VirtualCable</name>
    <message>
        <source>Cannot create a pseudo-terminal: %1</source>
        <translation>Impossible de créer un pseudo-terminal&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>neurorack::studio::VirtualModule</name>
    <message>
        <source>Neurorack Studio&apos;s engine</source>
        <translation>Moteur de Neurorack Studio</translation>
    </message>
    <message>
        <source>Neurorack Studio&apos;s preview</source>
        <translation>Pré-écoute de Neurorack Studio</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>non connecté</translation>
    </message>
    <message>
        <source>Virtual module</source>
        <translation>Module virtuel</translation>
    </message>
    <message>
        <source>The connection to neurorack-runtime was lost.</source>
        <translation>La connexion avec neurorack-runtime est perdue.</translation>
    </message>
    <message>
        <source>neurorack-runtime did not get ready within %1 s.</source>
        <translation>neurorack-runtime n&apos;était pas prêt au bout de %1 s.</translation>
    </message>
    <message>
        <source>In-process (Studio&apos;s engine)</source>
        <translation>Intégré (moteur de Studio)</translation>
    </message>
    <message>
        <source>neurorack-runtime (sim)</source>
        <translation>neurorack-runtime (sim)</translation>
    </message>
    <message>
        <source>In-process plays through Studio&apos;s preview. neurorack-runtime runs the module&apos;s own program on this computer, with a virtual USB cable the device panel can sync over.</source>
        <translation>Le mode intégré joue via la pré-écoute de Studio. neurorack-runtime exécute le programme du module lui-même sur cet ordinateur, avec un câble USB virtuel par lequel le panneau Module peut se synchroniser.</translation>
    </message>
    <message>
        <source>Silent</source>
        <translation>Muet</translation>
    </message>
    <message>
        <source>Sound card (ALSA default)</source>
        <translation>Carte son (ALSA par défaut)</translation>
    </message>
    <message>
        <source>No ALSA playback device found on this computer</source>
        <translation>Aucun périphérique de lecture ALSA sur cet ordinateur</translation>
    </message>
    <message>
        <source>Where the runtime plays (takes effect at its next start)</source>
        <translation>Où le runtime joue le son (pris en compte à son prochain démarrage)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>Encoder: turn to step through presets (or the menu)</source>
        <translation>Encodeur&#xa0;: tournez pour parcourir les presets (ou le menu)</translation>
    </message>
    <message>
        <source>PUSH</source>
        <translation>PUSH</translation>
    </message>
    <message>
        <source>The encoder&apos;s button: press for the menu, hold %1 s for Home</source>
        <translation>Le bouton de l&apos;encodeur&#xa0;: appuyez pour le menu, maintenez %1 s pour l&apos;accueil</translation>
    </message>
    <message>
        <source>CV %1</source>
        <translation>CV %1</translation>
    </message>
    <message>
        <source>The voltage at CV %1</source>
        <translation>La tension sur CV %1</translation>
    </message>
    <message>
        <source>GATE %1</source>
        <translation>GATE %1</translation>
    </message>
    <message>
        <source>Puts %1 V on gate %2 while held down</source>
        <translation>Envoie %1 V sur le gate %2 tant qu&apos;il est enfoncé</translation>
    </message>
    <message>
        <source>Load factory mappings in the mapping editor</source>
        <translation>Chargez les mappings d&apos;usine dans l&apos;éditeur de mapping</translation>
    </message>
    <message>
        <source>Not in-process: use Studio&apos;s menus, or the runtime backend</source>
        <translation>Indisponible en mode intégré&#xa0;: utilisez les menus de Studio ou le backend runtime</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>Gate 1 %1   Gate 2 %2</source>
        <translation>Gate 1 %1   Gate 2 %2</translation>
    </message>
    <message>
        <source>high</source>
        <translation>haut</translation>
    </message>
    <message>
        <source>low</source>
        <translation>bas</translation>
    </message>
    <message>
        <source>%1 V</source>
        <translation>%1 V</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Playing through Studio&apos;s preview</source>
        <translation>Lecture via la pré-écoute de Studio</translation>
    </message>
    <message>
        <source>No bank</source>
        <translation>Aucune banque</translation>
    </message>
    <message>
        <source>neurorack-runtime running (pid %1)</source>
        <translation>neurorack-runtime en marche (pid %1)</translation>
    </message>
    <message>
        <source>USB cable for the device panel: %1</source>
        <translation>Câble USB pour le panneau Module&#xa0;: %1</translation>
    </message>
    <message>
        <source>No USB cable: the device panel cannot sync with this runtime</source>
        <translation>Pas de câble USB&#xa0;: le panneau Module ne peut pas se synchroniser avec ce runtime</translation>
    </message>
    <message>
        <source>Starting neurorack-runtime…</source>
        <translation>Démarrage de neurorack-runtime…</translation>
    </message>
    <message>
        <source>neurorack-runtime not running</source>
        <translation>neurorack-runtime arrêté</translation>
    </message>
    <message>
        <source>neurorack-runtime was not found. Set NEURORACK_RUNTIME to its path, or install it beside Neurorack Studio (../module-runtime/neurorack-runtime) or on the PATH.</source>
        <translation>neurorack-runtime est introuvable. Indiquez son chemin dans NEURORACK_RUNTIME, ou installez-le à côté de Neurorack Studio (../module-runtime/neurorack-runtime) ou dans le PATH.</translation>
    </message>
    <message>
        <source>Cannot create a folder for the runtime&apos;s data: %1</source>
        <translation>Impossible de créer un dossier pour les données du runtime&#xa0;: %1</translation>
    </message>
    <message>
        <source>The runtime runs without a USB cable.</source>
        <translation>Le runtime tourne sans câble USB.</translation>
    </message>
    <message>
        <source>Its last messages:</source>
        <translation>Ses derniers messages&#xa0;:</translation>
    </message>
    <message>
        <source>Cannot connect to neurorack-runtime&apos;s panel socket: %1</source>
        <translation>Impossible de se connecter au socket du panneau de neurorack-runtime&#xa0;: %1</translation>
    </message>
    <message>
        <source>neurorack-runtime refused a request: %1</source>
        <translation>neurorack-runtime a refusé une requête&#xa0;: %1</translation>
    </message>
    <message>
        <source>neurorack-runtime crashed.</source>
        <translation>neurorack-runtime a planté.</translation>
    </message>
    <message>
        <source>neurorack-runtime stopped (exit code %1).</source>
        <translation>neurorack-runtime s&apos;est arrêté (code de sortie %1).</translation>
    </message>
    <message>
        <source>Cannot start %1: %2</source>
        <translation>Impossible de démarrer %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>neurorack-runtime is not running</source>
        <translation>neurorack-runtime ne tourne pas</translation>
    </message>
</context>
<context>
    <name>neurorack::studio::WaveformView</name>
    <message>
        <source>Waveform</source>
        <translation>Forme d&apos;onde</translation>
    </message>
    <message>
        <source>−∞ dB</source>
        <translation>−∞ dB</translation>
    </message>
    <message>
        <source>%1 dB</source>
        <translation>%1 dB</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>No audio yet</source>
        <translation>Pas encore d&apos;audio</translation>
    </message>
</context>
</TS>
