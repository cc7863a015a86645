<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>Acting</name>
    <message>
        <location filename="../../ui/agreements/acting.py" line="35"/>
        <source>Choose a user first (top right).</source>
        <translation>Pilih pengguna terlebih dahulu (kanan atas).</translation>
    </message>
</context>
<context>
    <name>AgreementDialogs</name>
    <message>
        <location filename="../../ui/agreements/dialogs.py" line="71"/>
        <source>Agreements</source>
        <extracomment>Called before an import or export, so the editor&apos;s pending typing is stored first.</extracomment>
        <translation>Kesepakatan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/dialogs.py" line="85"/>
        <source>Import an agreement package</source>
        <translation>Impor paket kesepakatan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/dialogs.py" line="87"/>
        <location filename="../../ui/agreements/dialogs.py" line="153"/>
        <source>Lintas packages (*%1)</source>
        <translation>Paket Lintas (*%1)</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/dialogs.py" line="99"/>
        <source>The file cannot be read: %1</source>
        <translation>Berkas tidak dapat dibaca: %1</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/dialogs.py" line="111"/>
        <source>Refused: the package was changed after it was signed. Nothing was imported.</source>
        <translation>Ditolak: paket diubah setelah ditandatangani. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/dialogs.py" line="121"/>
        <source>Refused: the package is signed by a certificate this office does not trust. Nothing was imported. Import the sender&apos;s office card first, after comparing this fingerprint with them by phone:</source>
        <translation>Ditolak: paket ditandatangani dengan sertifikat yang tidak dipercaya kantor ini. Tidak ada yang diimpor. Impor dahulu kartu kantor pengirim, setelah mencocokkan sidik jari ini dengan mereka melalui telepon:</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/dialogs.py" line="129"/>
        <source>Nothing was imported: %1</source>
        <translation>Tidak ada yang diimpor: %1</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/dialogs.py" line="134"/>
        <source>Imported %1 new revision(s). Both offices edited the same version, so the agreement now has two branches; nothing was overwritten. Reconcile them.</source>
        <translation>%1 revisi baru diimpor. Kedua kantor menyunting versi yang sama, sehingga kesepakatan kini memiliki dua cabang; tidak ada yang ditimpa. Satukan keduanya.</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/dialogs.py" line="141"/>
        <source>Imported %1 new revision(s).</source>
        <translation>%1 revisi baru diimpor.</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/dialogs.py" line="151"/>
        <source>Export the agreement package</source>
        <translation>Ekspor paket kesepakatan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/dialogs.py" line="256"/>
        <source>Office signing key</source>
        <translation>Kunci tanda tangan kantor</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/dialogs.py" line="257"/>
        <source>Password of the office signing identity:</source>
        <translation>Kata sandi identitas tanda tangan kantor:</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/dialogs.py" line="267"/>
        <source>The password of the office signing identity is wrong.</source>
        <translation>Kata sandi identitas tanda tangan kantor salah.</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/dialogs.py" line="275"/>
        <source>The office signing identity cannot be used: %1</source>
        <translation>Identitas tanda tangan kantor tidak dapat digunakan: %1</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/dialogs.py" line="175"/>
        <source>The package was not written: %1</source>
        <translation>Paket tidak ditulis: %1</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/dialogs.py" line="177"/>
        <source>Package written to %1</source>
        <translation>Paket ditulis ke %1</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/dialogs.py" line="183"/>
        <source>Trust a counterpart&apos;s office card</source>
        <translation>Percayai kartu kantor mitra</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/dialogs.py" line="184"/>
        <source>Office cards (*.lintas-card *.json)</source>
        <translation>Kartu kantor (*.lintas-card *.json)</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/dialogs.py" line="199"/>
        <source>Trust this office?</source>
        <translation>Percayai kantor ini?</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/dialogs.py" line="201"/>
        <source>Trust %1 with the certificate fingerprint

%2

Compare it by phone first.</source>
        <translation>Percayai %1 dengan sidik jari sertifikat

%2

Cocokkan dahulu melalui telepon.</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/dialogs.py" line="205"/>
        <source>Trust</source>
        <translation>Percayai</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/dialogs.py" line="206"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/dialogs.py" line="223"/>
        <source>%1 is now trusted.</source>
        <translation>%1 kini dipercaya.</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/dialogs.py" line="229"/>
        <source>Save our office card</source>
        <translation>Simpan kartu kantor kami</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/dialogs.py" line="230"/>
        <source>Office cards (*.lintas-card)</source>
        <translation>Kartu kantor (*.lintas-card)</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/dialogs.py" line="249"/>
        <source>Office card written to %1</source>
        <translation>Kartu kantor ditulis ke %1</translation>
    </message>
    <message>
        <source>Import the counterpart&apos;s reply</source>
        <translation>Impor balasan kantor mitra</translation>
    </message>
    <message>
        <source>The file cannot be read. Choose the package again.</source>
        <translation>Berkas tidak dapat dibaca. Pilih paketnya lagi.</translation>
    </message>
    <message>
        <source>Refused: the package is signed by an office this office does not trust yet. Nothing was imported. Trust the sender&apos;s office card first (compare its fingerprint with them by phone), then import the package again.</source>
        <translation>Ditolak: paket ditandatangani oleh kantor yang belum dipercaya kantor ini. Tidak ada yang diimpor. Percayai dulu kartu kantor pengirim (cocokkan sidik jarinya dengan mereka lewat telepon), lalu impor paket ini lagi.</translation>
    </message>
    <message>
        <source>Nothing new: this office already has everything in this package. Nothing was changed.</source>
        <translation>Tidak ada yang baru: kantor ini sudah memiliki seluruh isi paket ini. Tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>The package could not be saved there. Choose another folder.</source>
        <translation>Paket tidak dapat disimpan di sana. Pilih folder lain.</translation>
    </message>
    <message>
        <source>This office&apos;s certificate is missing on this computer, so no office card can be made. Import the signing identity again in Settings.</source>
        <translation>Sertifikat kantor ini tidak ada di komputer ini, sehingga kartu kantor tidak dapat dibuat. Impor lagi identitas penandatanganan di Pengaturan.</translation>
    </message>
    <message>
        <source>The office card could not be saved there. Choose another folder.</source>
        <translation>Kartu kantor tidak dapat disimpan di sana. Pilih folder lain.</translation>
    </message>
    <message>
        <source>Once only: the head of region&apos;s signing identity must vouch for the key this office exchanges drafts with. Password of the office signing identity:</source>
        <translation>Sekali saja: identitas penandatanganan kepala daerah harus menjamin kunci yang dipakai kantor ini untuk bertukar draf. Kata sandi identitas penandatanganan kantor:</translation>
    </message>
</context>
<context>
    <name>AgreementEditor</name>
    <message>
        <source>Round %1 was shared with %2 in the call.</source>
        <translation>Putaran %1 telah dibagikan kepada %2 dalam panggilan.</translation>
    </message>
    <message>
        <source>The draft was not shared in the call. Share it from the Live review tab.</source>
        <translation>Draf tidak terbagikan dalam panggilan. Bagikan dari tab Peninjauan langsung.</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/editor.py" line="99"/>
        <source>Comments</source>
        <translation>Komentar</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/editor.py" line="100"/>
        <source>Obligations</source>
        <translation>Kewajiban</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/editor.py" line="101"/>
        <source>Lampiran</source>
        <translation>Lampiran</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/editor.py" line="102"/>
        <source>Revisions</source>
        <translation>Revisi</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/editor.py" line="104"/>
        <source>Details</source>
        <translation>Rincian</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/editor.py" line="196"/>
        <source>This agreement has %1 diverging versions (both offices edited the same round). Reconcile them before approving.</source>
        <translation>Kesepakatan ini memiliki %1 versi yang bercabang (kedua kantor menyunting putaran yang sama). Satukan dahulu sebelum menyetujui.</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/editor.py" line="200"/>
        <source>Reconcile…</source>
        <translation>Satukan…</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/editor.py" line="305"/>
        <source>Reload</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/editor.py" line="209"/>
        <source>No revision saved yet</source>
        <translation>Belum ada revisi yang disimpan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/editor.py" line="211"/>
        <source>Round %1 · hash %2</source>
        <translation>Putaran %1 · hash %2</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/editor.py" line="214"/>
        <source>unsaved changes since this revision</source>
        <translation>ada perubahan yang belum disimpan sejak revisi ini</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/editor.py" line="216"/>
        <source>awaiting approval by: %1</source>
        <translation>menunggu persetujuan: %1</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/editor.py" line="243"/>
        <source>Editing…</source>
        <translation>Menyunting…</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/editor.py" line="278"/>
        <source>Autosaved %1</source>
        <translation>Tersimpan otomatis %1</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/editor.py" line="319"/>
        <source>New pasal</source>
        <translation>Pasal baru</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/editor.py" line="337"/>
        <source>Pasal %1 (%2) was deleted.</source>
        <translation>Pasal %1 (%2) telah dihapus.</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/editor.py" line="341"/>
        <source>Undo</source>
        <translation>Urungkan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/workflow_actions.py" line="39"/>
        <source>Saved as round %1, hash %2</source>
        <translation>Disimpan sebagai putaran %1, hash %2</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/workflow_actions.py" line="52"/>
        <source>Terminate</source>
        <translation>Akhiri</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/workflow_actions.py" line="53"/>
        <source>Why is the agreement terminated?</source>
        <translation>Mengapa kesepakatan diakhiri?</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/workflow_actions.py" line="60"/>
        <source>The signed PDF</source>
        <translation>PDF yang sudah ditandatangani</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/workflow_actions.py" line="62"/>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/workflow_actions.py" line="81"/>
        <source>The agreement is now: %1</source>
        <translation>Status kesepakatan sekarang: %1</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/workflow_actions.py" line="93"/>
        <source>Approved revision %1 for %2</source>
        <translation>Revisi %1 disetujui untuk %2</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/live/wiring.py" line="24"/>
        <source>Live review</source>
        <translation>Peninjauan langsung</translation>
    </message>
    <message>
        <source>Page preview</source>
        <translation>Pratinjau halaman</translation>
    </message>
    <message>
        <source>Show the pages as they will print, marked KONSEP, instead of the side panels</source>
        <translation>Tampilkan halaman seperti akan dicetak, bertanda KONSEP, menggantikan panel samping</translation>
    </message>
    <message>
        <source>Edit Pasal %1</source>
        <translation>Sunting Pasal %1</translation>
    </message>
    <message>
        <source>Save the latest edits as a revision first; approval is of a saved revision.</source>
        <translation>Simpan dulu perubahan terakhir sebagai revisi; yang disetujui adalah revisi yang tersimpan.</translation>
    </message>
    <message>
        <source>Approve this revision</source>
        <translation>Setujui revisi ini</translation>
    </message>
    <message>
        <source>Approve round %1 for %2?</source>
        <translation>Setujui putaran %1 atas nama %2?</translation>
    </message>
    <message>
        <source>The other office will see that your office accepts this exact text (hash %1). Both offices must approve the same revision before it can be marked as agreed.</source>
        <translation>Kantor mitra akan melihat bahwa kantor Anda menerima naskah persis ini (hash %1). Kedua kantor harus menyetujui revisi yang sama sebelum kesepakatan dapat ditandai disepakati.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Setujui</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Changes kept, not yet a revision</source>
        <translation>Perubahan tersimpan, belum menjadi revisi</translation>
    </message>
    <message>
        <source>Changes kept at %1, not yet a revision</source>
        <translation>Tersimpan pukul %1, belum menjadi revisi</translation>
    </message>
    <message>
        <source>All changes saved in round %1</source>
        <translation>Semua perubahan tersimpan di putaran %1</translation>
    </message>
    <message>
        <source>Insert Pasal %1</source>
        <translation>Sisipkan Pasal %1</translation>
    </message>
    <message>
        <source>Move Pasal %1 to Pasal %2</source>
        <translation>Pindahkan Pasal %1 ke Pasal %2</translation>
    </message>
    <message>
        <source>Delete Pasal %1</source>
        <translation>Hapus Pasal %1</translation>
    </message>
    <message>
        <source>Add an ayat to Pasal %1</source>
        <translation>Tambah ayat pada Pasal %1</translation>
    </message>
    <message>
        <source>Delete ayat (%2) of Pasal %1</source>
        <translation>Hapus ayat (%2) Pasal %1</translation>
    </message>
    <message>
        <source>Move ayat (%2) of Pasal %1</source>
        <translation>Pindahkan ayat (%2) Pasal %1</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>Urungkan: %1</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>Ulangi: %1</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Ulangi</translation>
    </message>
</context>
<context>
    <name>AgreementLabels</name>
    <message>
        <location filename="../../ui/agreements/labels.py" line="17"/>
        <source>Draft</source>
        <translation>Draf</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/labels.py" line="18"/>
        <source>Internal review</source>
        <translation>Tinjauan internal</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/labels.py" line="21"/>
        <source>Negotiation</source>
        <translation>Negosiasi</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/labels.py" line="22"/>
        <source>Agreed</source>
        <translation>Disepakati</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/labels.py" line="23"/>
        <source>Signing</source>
        <translation>Penandatanganan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/labels.py" line="24"/>
        <source>Signed</source>
        <translation>Ditandatangani</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/labels.py" line="25"/>
        <source>Expired</source>
        <translation>Berakhir</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/labels.py" line="26"/>
        <source>Terminated</source>
        <translation>Diakhiri</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/labels.py" line="34"/>
        <source>Kesepakatan Bersama (MoU)</source>
        <translation>Kesepakatan Bersama</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/labels.py" line="37"/>
        <source>Perjanjian Kerja Sama (PKS)</source>
        <translation>Perjanjian Kerja Sama</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/labels.py" line="49"/>
        <source>Terminate…</source>
        <translation>Akhiri…</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/labels.py" line="51"/>
        <source>Submit for internal review</source>
        <translation>Ajukan untuk tinjauan internal</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/labels.py" line="54"/>
        <source>Return to the drafter</source>
        <translation>Kembalikan ke penyusun</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/labels.py" line="57"/>
        <source>Start negotiation</source>
        <translation>Mulai negosiasi</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/labels.py" line="60"/>
        <source>Take back for review</source>
        <translation>Tarik kembali untuk ditinjau</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/labels.py" line="63"/>
        <source>Mark as agreed</source>
        <translation>Tandai disepakati</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/labels.py" line="64"/>
        <source>Reopen negotiation</source>
        <translation>Buka kembali negosiasi</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/labels.py" line="67"/>
        <source>Prepare for signing</source>
        <translation>Siapkan penandatanganan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/labels.py" line="68"/>
        <source>Record as signed…</source>
        <translation>Catat sebagai ditandatangani…</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/labels.py" line="69"/>
        <source>Mark as expired</source>
        <translation>Tandai berakhir</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/labels.py" line="77"/>
        <source>Once</source>
        <translation>Sekali</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/labels.py" line="78"/>
        <source>Monthly</source>
        <translation>Bulanan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/labels.py" line="79"/>
        <source>Quarterly</source>
        <translation>Triwulanan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/labels.py" line="80"/>
        <source>Yearly</source>
        <translation>Tahunan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/labels.py" line="91"/>
        <source>Smart government</source>
        <translation>Pemerintahan cerdas</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/labels.py" line="92"/>
        <source>Smart society</source>
        <translation>Masyarakat cerdas</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/labels.py" line="93"/>
        <source>Smart living</source>
        <translation>Kehidupan cerdas</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/labels.py" line="94"/>
        <source>Smart economy</source>
        <translation>Ekonomi cerdas</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/labels.py" line="95"/>
        <source>Smart environment</source>
        <translation>Lingkungan cerdas</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/labels.py" line="96"/>
        <source>Smart mobility</source>
        <translation>Mobilitas cerdas</translation>
    </message>
</context>
<context>
    <name>AgreementListView</name>
    <message>
        <location filename="../../ui/agreements/list_view.py" line="71"/>
        <source>Agreements</source>
        <translation>Kesepakatan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/list_view.py" line="77"/>
        <source>Import package…</source>
        <translation>Impor paket…</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/list_view.py" line="79"/>
        <source>New agreement…</source>
        <translation>Kesepakatan baru…</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/list_view.py" line="83"/>
        <source>Office cards</source>
        <translation>Kartu kantor</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/list_view.py" line="85"/>
        <source>Save our office card…</source>
        <translation>Simpan kartu kantor kami…</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/list_view.py" line="87"/>
        <source>Trust a counterpart&apos;s office card…</source>
        <translation>Percayai kartu kantor mitra…</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/list_view.py" line="90"/>
        <source>Obligations tracker</source>
        <translation>Pemantauan kewajiban</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/list_view.py" line="101"/>
        <source>Search title, parties, nomor, pasal text, apps…</source>
        <translation>Cari judul, para pihak, nomor, isi pasal, aplikasi…</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/list_view.py" line="105"/>
        <source>All states</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/list_view.py" line="113"/>
        <source>Expiring within 90 days</source>
        <translation>Berakhir dalam 90 hari</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/list_view.py" line="123"/>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/list_view.py" line="124"/>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/list_view.py" line="125"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/list_view.py" line="126"/>
        <source>Counterpart</source>
        <translation>Mitra</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/list_view.py" line="127"/>
        <source>Valid until</source>
        <translation>Berlaku sampai</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/list_view.py" line="128"/>
        <source>Last change</source>
        <translation>Perubahan terakhir</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/list_view.py" line="175"/>
        <source>All counterparts</source>
        <translation>Semua mitra</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/list_view.py" line="209"/>
        <source>Expires within 90 days</source>
        <translation>Berakhir dalam 90 hari</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/list_view.py" line="213"/>
        <source>%1 agreement(s)</source>
        <translation>%1 kesepakatan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/list_view.py" line="215"/>
        <source>No agreement matches the search and filters.</source>
        <translation>Tidak ada kesepakatan yang cocok dengan pencarian dan filter.</translation>
    </message>
</context>
<context>
    <name>AgreementMessages</name>
    <message>
        <location filename="../../ui/agreements/messages.py" line="192"/>
        <source>{actor} is a {role}; only a drafter or reviewer may edit the text</source>
        <translation>{actor} adalah {role}; hanya penyusun atau peninjau yang boleh mengubah naskah</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="195"/>
        <source>The agreement is {state}; its text can no longer be edited</source>
        <translation>Kesepakatan berstatus {state}; naskahnya tidak dapat diubah lagi</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="243"/>
        <source>The text is locked while it is in internal review. Ask the reviewer to return it to the drafter if it needs changes</source>
        <translation>Naskah dikunci selama tinjauan internal. Minta peninjau mengembalikannya ke penyusun bila perlu diubah</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="198"/>
        <source>Only a drafter can start a new agreement</source>
        <translation>Hanya penyusun yang dapat memulai kesepakatan baru</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="201"/>
        <source>The agreement needs a title</source>
        <translation>Kesepakatan memerlukan judul</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="204"/>
        <source>An agreement needs at least two parties</source>
        <translation>Kesepakatan memerlukan sedikitnya dua pihak</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="207"/>
        <source>The validity period ends before it starts</source>
        <translation>Masa berlaku berakhir sebelum dimulai</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="210"/>
        <source>A comment cannot be empty</source>
        <translation>Komentar tidak boleh kosong</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="213"/>
        <source>The agreement is closed; comments are no longer possible</source>
        <translation>Kesepakatan sudah ditutup; komentar tidak dapat ditambahkan lagi</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="216"/>
        <source>Say what the obligation is</source>
        <translation>Sebutkan isi kewajibannya</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="219"/>
        <source>A recurring obligation needs its first due date</source>
        <translation>Kewajiban berulang memerlukan tanggal jatuh tempo pertamanya</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="222"/>
        <source>That obligation is no longer in the agreement</source>
        <translation>Kewajiban itu sudah tidak ada dalam kesepakatan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="225"/>
        <source>Save or discard the unsaved edits before switching revision</source>
        <translation>Simpan atau buang perubahan yang belum disimpan sebelum berpindah revisi</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="228"/>
        <source>There is no saved revision to go back to</source>
        <translation>Tidak ada revisi tersimpan untuk dikembalikan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="231"/>
        <source>A Perjanjian Kerja Sama must name the Kesepakatan Bersama it implements</source>
        <translation>Perjanjian Kerja Sama harus menyebut Kesepakatan Bersama yang dilaksanakannya</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="235"/>
        <source>A Perjanjian Kerja Sama implements a Kesepakatan Bersama</source>
        <translation>Perjanjian Kerja Sama melaksanakan sebuah Kesepakatan Bersama</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="238"/>
        <source>Unknown agreement field(s): {fields}</source>
        <translation>Kolom kesepakatan tidak dikenal: {fields}</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="241"/>
        <source>Unknown party field(s): {fields}</source>
        <translation>Kolom pihak tidak dikenal: {fields}</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="244"/>
        <source>The agreement has no party number {position}</source>
        <translation>Kesepakatan tidak memiliki pihak nomor {position}</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="247"/>
        <source>No agreement with id {agreement_id}</source>
        <translation>Tidak ada kesepakatan dengan id {agreement_id}</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="250"/>
        <source>That pasal is no longer in the agreement</source>
        <translation>Pasal itu sudah tidak ada dalam kesepakatan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="253"/>
        <source>Pasal {number} cannot be inserted: there are {count} pasal</source>
        <translation>Pasal {number} tidak dapat disisipkan: hanya ada {count} pasal</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="256"/>
        <source>There is no Pasal {number} to move to (1 to {count})</source>
        <translation>Tidak ada Pasal {number} sebagai tujuan pemindahan (1 sampai {count})</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="259"/>
        <source>Ayat ({number}) cannot be inserted: the pasal has {count} ayat</source>
        <translation>Ayat ({number}) tidak dapat disisipkan: pasal ini hanya memiliki {count} ayat</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="262"/>
        <source>There is no ayat ({number}) to move to</source>
        <translation>Tidak ada ayat ({number}) sebagai tujuan pemindahan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="265"/>
        <source>Pasal {pasal} has no ayat ({number})</source>
        <translation>Pasal {pasal} tidak memiliki ayat ({number})</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="268"/>
        <source>The reply belongs to another agreement</source>
        <translation>Balasan ini milik kesepakatan lain</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="271"/>
        <source>Only a reviewer or signatory can trust a counterpart&apos;s certificate</source>
        <translation>Hanya peninjau atau penanda tangan yang dapat memercayai sertifikat mitra</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="275"/>
        <source>Only a reviewer or signatory can change which certificates are trusted</source>
        <translation>Hanya peninjau atau penanda tangan yang dapat mengubah sertifikat yang dipercaya</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="279"/>
        <source>A viewer cannot import agreements</source>
        <translation>Pengamat tidak dapat mengimpor kesepakatan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="282"/>
        <source>Nothing to reconcile: this agreement has no revision yet</source>
        <translation>Tidak ada yang perlu diselaraskan: kesepakatan ini belum memiliki revisi</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="285"/>
        <source>That version is already part of this one</source>
        <translation>Versi itu sudah menjadi bagian dari versi ini</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="288"/>
        <source>Save the agreement as a revision before sending it</source>
        <translation>Simpan kesepakatan sebagai revisi sebelum mengirimnya</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="291"/>
        <source>Save the agreement as a revision before printing it</source>
        <translation>Simpan kesepakatan sebagai revisi sebelum mencetaknya</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="294"/>
        <source>Revision {revision} does not belong to this agreement</source>
        <translation>Revisi {revision} bukan milik kesepakatan ini</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="297"/>
        <source>The agreement is not in this database</source>
        <translation>Kesepakatan tidak ada di basis data ini</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="300"/>
        <source>Pasal {pasal} changed since the suggestion was made</source>
        <translation>Pasal {pasal} telah berubah sejak usulan dibuat</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="303"/>
        <source>The session needs a title</source>
        <translation>Sesi memerlukan judul</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="306"/>
        <source>The session must last at least one minute</source>
        <translation>Sesi harus berlangsung paling sedikit satu menit</translation>
    </message>
</context>
<context>
    <name>AnnexPanel</name>
    <message>
        <location filename="../../ui/agreements/editor/annex_panel.py" line="40"/>
        <source>The applications granted by this agreement, listed in its Lampiran.</source>
        <translation>Aplikasi yang dihibahkan melalui kesepakatan ini, tercantum dalam Lampirannya.</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/annex_panel.py" line="46"/>
        <source>Application</source>
        <translation>Aplikasi</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/annex_panel.py" line="46"/>
        <source>Dimension</source>
        <translation>Dimensi</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/annex_panel.py" line="46"/>
        <source>OPD</source>
        <translation>OPD</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/annex_panel.py" line="53"/>
        <source>Pick applications from the catalog…</source>
        <translation>Pilih aplikasi dari katalog…</translation>
    </message>
    <message>
        <source>Remove from the Lampiran</source>
        <translation>Hapus dari Lampiran</translation>
    </message>
    <message>
        <source>Change the Lampiran</source>
        <translation>Ubah Lampiran</translation>
    </message>
</context>
<context>
    <name>CatalogFilters</name>
    <message>
        <location filename="../../ui/agreements/catalog_picker.py" line="32"/>
        <source>Search name, description, OPD, technology…</source>
        <translation>Cari nama, deskripsi, OPD, teknologi…</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/catalog_picker.py" line="35"/>
        <source>All dimensions</source>
        <translation>Semua dimensi</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/catalog_picker.py" line="39"/>
        <source>Public service or not</source>
        <translation>Layanan publik atau bukan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/catalog_picker.py" line="40"/>
        <source>Public service only</source>
        <translation>Hanya layanan publik</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/catalog_picker.py" line="41"/>
        <source>Internal only</source>
        <translation>Hanya internal</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/catalog_picker.py" line="61"/>
        <source>All OPD</source>
        <translation>Semua OPD</translation>
    </message>
</context>
<context>
    <name>CatalogPickerDialog</name>
    <message>
        <source>Your office's catalog has no applications yet. Import the list of applications your city offers on the App catalog page, then pick them here.</source>
        <translation>Katalog kantor Anda belum berisi aplikasi. Impor daftar aplikasi yang ditawarkan kota Anda di halaman Katalog aplikasi, lalu pilih di sini.</translation>
    </message>
    <message>
        <source>No application matches the search and filters above.</source>
        <translation>Tidak ada aplikasi yang cocok dengan pencarian dan saringan di atas.</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/catalog_picker.py" line="91"/>
        <source>Pick applications for the Lampiran</source>
        <translation>Pilih aplikasi untuk Lampiran</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/catalog_picker.py" line="100"/>
        <source>SAMPLE data: this catalog is the shipped example, not a real city&apos;s list. Import your own catalog on the App catalog page.</source>
        <translation>Data CONTOH: katalog ini adalah contoh bawaan, bukan daftar milik kota sungguhan. Impor katalog Anda sendiri di halaman Katalog aplikasi.</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/catalog_picker.py" line="109"/>
        <source>Application</source>
        <translation>Aplikasi</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/catalog_picker.py" line="110"/>
        <source>Dimension</source>
        <translation>Dimensi</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/catalog_picker.py" line="111"/>
        <source>OPD</source>
        <translation>OPD</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/catalog_picker.py" line="112"/>
        <source>Public service</source>
        <translation>Layanan publik</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/catalog_picker.py" line="113"/>
        <source>Description</source>
        <translation>Deskripsi</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/catalog_picker.py" line="125"/>
        <source>Put in the Lampiran</source>
        <translation>Masukkan ke Lampiran</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/catalog_picker.py" line="127"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/catalog_picker.py" line="150"/>
        <source> (SAMPLE)</source>
        <translation> (CONTOH)</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/catalog_picker.py" line="160"/>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/catalog_picker.py" line="160"/>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/catalog_picker.py" line="189"/>
        <source>%1 application(s) picked; %2 shown</source>
        <translation>%1 aplikasi dipilih; %2 ditampilkan</translation>
    </message>
</context>
<context>
    <name>CatalogRowErrors</name>
    <message>
        <location filename="../../ui/catalog/row_errors.py" line="19"/>
        <source>name</source>
        <translation>nama</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/row_errors.py" line="20"/>
        <source>description</source>
        <translation>deskripsi</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/row_errors.py" line="21"/>
        <source>dimension</source>
        <translation>dimensi</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/row_errors.py" line="22"/>
        <source>OPD</source>
        <translation>OPD</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/row_errors.py" line="23"/>
        <source>public service</source>
        <translation>layanan publik</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/row_errors.py" line="24"/>
        <source>technology</source>
        <translation>teknologi</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/row_errors.py" line="25"/>
        <source>licence</source>
        <translation>lisensi</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/row_errors.py" line="26"/>
        <source>row</source>
        <translation>baris</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/row_errors.py" line="27"/>
        <source>file</source>
        <translation>berkas</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/row_errors.py" line="28"/>
        <source>encoding</source>
        <translation>pengodean</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/row_errors.py" line="30"/>
        <source>applications</source>
        <translation>aplikasi</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/row_errors.py" line="38"/>
        <source>is empty</source>
        <translation>kosong</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/row_errors.py" line="39"/>
        <source>is longer than 200 characters</source>
        <translation>lebih dari 200 karakter</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/row_errors.py" line="40"/>
        <source>{value} appears more than once in the file</source>
        <translation>{value} muncul lebih dari sekali dalam berkas</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/row_errors.py" line="43"/>
        <source>{value} is not one of {allowed}</source>
        <translation>{value} bukan salah satu dari {allowed}</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/row_errors.py" line="49"/>
        <source>{value} is not yes or no</source>
        <translation>{value} bukan ya atau tidak</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/row_errors.py" line="53"/>
        <source>the file is not UTF-8 text ({detail})</source>
        <translation>berkas bukan teks UTF-8 ({detail})</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/row_errors.py" line="62"/>
        <source>is not valid CSV ({detail})</source>
        <translation>bukan CSV yang valid ({detail})</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/row_errors.py" line="63"/>
        <source>the file is not valid JSON ({detail})</source>
        <translation>berkas bukan JSON yang valid ({detail})</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/row_errors.py" line="69"/>
        <source>cannot be read ({detail})</source>
        <translation>tidak dapat dibaca ({detail})</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/row_errors.py" line="85"/>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/row_errors.py" line="87"/>
        <source>Row {row}</source>
        <translation>Baris {row}</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/row_errors.py" line="95"/>
        <source>Nothing was imported: {count} problem(s): {shown}</source>
        <translation>Tidak ada yang diimpor: {count} masalah: {shown}</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/row_errors.py" line="99"/>
        <source> (and {more} more)</source>
        <translation> (dan {more} lainnya)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/row_errors.py" line="46"/>
        <source>is empty (the owning department is required)</source>
        <translation>kosong (OPD pemilik wajib diisi)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/row_errors.py" line="50"/>
        <source>is not an object with fields</source>
        <translation>bukan objek yang berisi kolom</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/row_errors.py" line="56"/>
        <source>column is missing from the header row</source>
        <translation>kolom tidak ada di baris judul</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/row_errors.py" line="59"/>
        <source>has more cells than the header</source>
        <translation>memiliki sel lebih banyak daripada baris judul</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/row_errors.py" line="66"/>
        <source>the file holds no list of applications</source>
        <translation>berkas tidak berisi daftar aplikasi</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/row_errors.py" line="70"/>
        <source>must be a .csv or .json file</source>
        <translation>harus berupa berkas .csv atau .json</translation>
    </message>
</context>
<context>
    <name>ClauseForm</name>
    <message>
        <location filename="../../ui/agreements/editor/clause_form.py" line="47"/>
        <source>English parallel text</source>
        <translation>Teks paralel bahasa Inggris</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/clause_form.py" line="53"/>
        <source>Heading of the pasal</source>
        <translation>Judul pasal</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/clause_form.py" line="54"/>
        <source>Heading:</source>
        <translation>Judul:</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/clause_form.py" line="56"/>
        <source>Heading (English):</source>
        <translation>Judul (Inggris):</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/clause_form.py" line="61"/>
        <source>Text of the pasal (before its ayat)</source>
        <translation>Isi pasal (sebelum ayat-ayatnya)</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/clause_form.py" line="63"/>
        <source>English text of the pasal</source>
        <translation>Isi pasal dalam bahasa Inggris</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/clause_form.py" line="70"/>
        <source>Ayat</source>
        <translation>Ayat</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/clause_form.py" line="74"/>
        <source>Add ayat</source>
        <translation>Tambah ayat</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/clause_form.py" line="76"/>
        <source>Delete ayat</source>
        <translation>Hapus ayat</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/clause_form.py" line="79"/>
        <source>Move the ayat up</source>
        <translation>Pindahkan ayat ke atas</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/clause_form.py" line="82"/>
        <source>Move the ayat down</source>
        <translation>Pindahkan ayat ke bawah</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/clause_form.py" line="92"/>
        <source>Indonesian</source>
        <translation>Bahasa Indonesia</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/clause_form.py" line="92"/>
        <source>English</source>
        <translation>Bahasa Inggris</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/clause_form.py" line="123"/>
        <source>No pasal selected</source>
        <translation>Tidak ada pasal yang dipilih</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/clause_form.py" line="125"/>
        <source>Pasal %1</source>
        <translation>Pasal %1</translation>
    </message>
</context>
<context>
    <name>ClauseListPanel</name>
    <message>
        <location filename="../../ui/agreements/editor/clause_list.py" line="31"/>
        <location filename="../../ui/agreements/editor/clause_list.py" line="78"/>
        <location filename="../../ui/agreements/editor/clause_list.py" line="93"/>
        <source>Pasal</source>
        <translation>Pasal</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/clause_list.py" line="44"/>
        <source>Insert</source>
        <translation>Sisipkan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/clause_list.py" line="44"/>
        <source>Insert a pasal after this one</source>
        <translation>Sisipkan pasal setelah pasal ini</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/clause_list.py" line="46"/>
        <source>Move the pasal up</source>
        <translation>Pindahkan pasal ke atas</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/clause_list.py" line="47"/>
        <source>Move the pasal down</source>
        <translation>Pindahkan pasal ke bawah</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/clause_list.py" line="48"/>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/clause_list.py" line="48"/>
        <source>Delete the pasal</source>
        <translation>Hapus pasal</translation>
    </message>
</context>
<context>
    <name>CommentsPanel</name>
    <message>
        <location filename="../../ui/agreements/editor/comments_panel.py" line="42"/>
        <source>Show comments on every pasal</source>
        <translation>Tampilkan komentar pada semua pasal</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/comments_panel.py" line="46"/>
        <location filename="../../ui/agreements/editor/comments_panel.py" line="63"/>
        <source>Comment</source>
        <translation>Komentar</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/comments_panel.py" line="46"/>
        <source>By</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/comments_panel.py" line="52"/>
        <source>No comments on this pasal yet. Write one below; the other office sees it in the next exchange package or live session.</source>
        <translation>Belum ada komentar pada pasal ini. Tulis di bawah; kantor mitra melihatnya pada paket pertukaran berikutnya atau sesi langsung.</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/comments_panel.py" line="59"/>
        <source>Write a comment on this pasal…</source>
        <translation>Tulis komentar pada pasal ini…</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/comments_panel.py" line="64"/>
        <source>Reply</source>
        <translation>Balas</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/comments_panel.py" line="65"/>
        <location filename="../../ui/agreements/editor/comments_panel.py" line="135"/>
        <source>Resolve</source>
        <translation>Selesaikan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/comments_panel.py" line="109"/>
        <source>Pasal</source>
        <translation>Pasal</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/comments_panel.py" line="120"/>
        <source>✓ resolved: </source>
        <translation>✓ selesai: </translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/comments_panel.py" line="135"/>
        <source>Reopen</source>
        <translation>Buka kembali</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <location filename="../../ui/agreements/editor/details_panel.py" line="49"/>
        <source>Title:</source>
        <translation>Judul:</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/details_panel.py" line="50"/>
        <source>Title (English):</source>
        <translation>Judul (Inggris):</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/details_panel.py" line="51"/>
        <source>Place:</source>
        <translation>Tempat:</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/details_panel.py" line="52"/>
        <source>Date:</source>
        <translation>Tanggal:</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/details_panel.py" line="53"/>
        <source>Valid from:</source>
        <translation>Berlaku sejak:</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/details_panel.py" line="54"/>
        <source>Valid until:</source>
        <translation>Berlaku sampai:</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/details_panel.py" line="56"/>
        <source>Nomor of each party</source>
        <translation>Nomor dari masing-masing pihak</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/details_panel.py" line="106"/>
        <source>given by %1</source>
        <translation>diberikan oleh %1</translation>
    </message>
    <message>
        <source>Reserve an area for an e-Meterai</source>
        <translation>Sediakan tempat untuk e-Meterai</translation>
    </message>
    <message>
        <source>For offices that affix an e-Meterai before signing: the document keeps a space for it beside the first party&apos;s signature, and its closing says so.</source>
        <translation>Untuk kantor yang membubuhkan e-Meterai sebelum penandatanganan: dokumen menyediakan tempat di samping tanda tangan pihak pertama, dan penutupnya menyebutkannya.</translation>
    </message>
    <message>
        <source>Change the details</source>
        <translation>Ubah rincian</translation>
    </message>
</context>
<context>
    <name>EditorHeader</name>
    <message>
        <location filename="../../ui/agreements/editor/header.py" line="17"/>
        <source>← Agreements</source>
        <translation>← Kesepakatan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/header.py" line="37"/>
        <source>Note for this round (optional)</source>
        <translation>Catatan untuk putaran ini (opsional)</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/header.py" line="38"/>
        <source>Save revision</source>
        <translation>Simpan revisi</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/header.py" line="40"/>
        <source>Export package…</source>
        <translation>Ekspor paket…</translation>
    </message>
    <message>
        <source>Import reply…</source>
        <translation>Impor balasan…</translation>
    </message>
</context>
<context>
    <name>ExchangeMessages</name>
    <message>
        <location filename="../../ui/agreements/messages.py" line="107"/>
        <source>The package content is malformed: {where} is not an object</source>
        <translation>Isi paket rusak: {where} bukan objek</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="110"/>
        <source>The package content is incomplete: {where} has no &apos;{field}&apos;</source>
        <translation>Isi paket tidak lengkap: {where} tidak memiliki &apos;{field}&apos;</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="113"/>
        <source>The package content is malformed: {key} is not a list</source>
        <translation>Isi paket rusak: {key} bukan daftar</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="116"/>
        <source>The package holds no revision</source>
        <translation>Paket tidak berisi revisi apa pun</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="119"/>
        <source>The package&apos;s newest revision is not among its revisions</source>
        <translation>Revisi terbaru paket tidak ada di antara revisinya</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="122"/>
        <source>This file is not a Lintas office card ({detail})</source>
        <translation>Berkas ini bukan kartu kantor Lintas ({detail})</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="125"/>
        <source>This is your own office&apos;s card</source>
        <translation>Ini kartu kantor Anda sendiri</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="128"/>
        <source>This certificate is already trusted for another office</source>
        <translation>Sertifikat ini sudah dipercaya untuk kantor lain</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="131"/>
        <source>That certificate is not trusted</source>
        <translation>Sertifikat itu tidak dipercaya</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="134"/>
        <source>This is not a Lintas exchange package (not a zip archive)</source>
        <translation>Ini bukan paket pertukaran Lintas (bukan arsip zip)</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="137"/>
        <source>This is not a Lintas exchange package ({member} is missing)</source>
        <translation>Ini bukan paket pertukaran Lintas ({member} tidak ada)</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="140"/>
        <source>The package is implausibly large; it was not opened</source>
        <translation>Paket terlalu besar untuk masuk akal; paket tidak dibuka</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="143"/>
        <source>The package is damaged or was altered: its contents fail their checksums</source>
        <translation>Paket rusak atau telah diubah: isinya gagal dalam pemeriksaan checksum</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="147"/>
        <source>The package&apos;s certificate is unreadable</source>
        <translation>Sertifikat paket tidak dapat dibaca</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="150"/>
        <source>The package was changed after it was signed: its signature does not match. Ask the sender for a new copy.</source>
        <translation>Paket diubah setelah ditandatangani: tanda tangannya tidak cocok. Mintalah salinan baru kepada pengirim.</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="155"/>
        <source>The package content is not valid JSON</source>
        <translation>Isi paket bukan JSON yang valid</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="158"/>
        <source>This is not a Lintas exchange package (unknown content)</source>
        <translation>Ini bukan paket pertukaran Lintas (isi tidak dikenal)</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="161"/>
        <source>This package was made by an incompatible version of Lintas</source>
        <translation>Paket ini dibuat oleh versi Lintas yang tidak kompatibel</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="164"/>
        <source>The package is signed by {subject}, whose certificate this office has not trusted (fingerprint {fingerprint}). Compare the fingerprint with the sender by phone, then trust their office card.</source>
        <translation>Paket ditandatangani oleh {subject}, yang sertifikatnya belum dipercaya kantor ini (sidik jari {fingerprint}). Cocokkan sidik jari dengan pengirim melalui telepon, lalu percayai kartu kantor mereka.</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="170"/>
        <source>The package claims to come from {claimed}, but it is signed with the certificate of {office}</source>
        <translation>Paket mengaku berasal dari {claimed}, tetapi ditandatangani dengan sertifikat {office}</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="175"/>
        <source>Round {round} in the package does not match its hash</source>
        <translation>Putaran {round} dalam paket tidak cocok dengan hash-nya</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="178"/>
        <source>This agreement does not name your office as a party</source>
        <translation>Kesepakatan ini tidak mencantumkan kantor Anda sebagai pihak</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="181"/>
        <source>{sender} sent this package but is not a party to the agreement</source>
        <translation>{sender} mengirim paket ini tetapi bukan pihak dalam kesepakatan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="328"/>
        <source>the package</source>
        <translation>paket</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="329"/>
        <source>the sender</source>
        <translation>pengirim</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="330"/>
        <source>the agreement</source>
        <translation>kesepakatan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="331"/>
        <source>revision {index}</source>
        <translation>revisi {index}</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="332"/>
        <source>the text of revision {index}</source>
        <translation>naskah revisi {index}</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="333"/>
        <source>comment {index}</source>
        <translation>komentar {index}</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="334"/>
        <source>approval {index}</source>
        <translation>persetujuan {index}</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="335"/>
        <source>office {index}</source>
        <translation>kantor {index}</translation>
    </message>
    <message>
        <source>The package is signed with an exchange key this office has not trusted (fingerprint {fingerprint}). Trust the sender&apos;s office card first.</source>
        <translation>Paket ditandatangani dengan kunci pertukaran yang belum dipercaya kantor ini (sidik jari {fingerprint}). Percayai dulu kartu kantor pengirim.</translation>
    </message>
    <message>
        <source>The package claims to come from {claimed}, but it is signed with the key of {office}</source>
        <translation>Paket mengaku berasal dari {claimed}, tetapi ditandatangani dengan kunci {office}</translation>
    </message>
    <message>
        <source>This file was made by an older version of Lintas; ask the other office to update Lintas and send it again</source>
        <translation>Berkas ini dibuat oleh Lintas versi lama; minta kantor mitra memperbarui Lintas lalu mengirimkannya lagi</translation>
    </message>
    <message>
        <source>The package content is nested too deeply; it was not opened</source>
        <translation>Isi paket bersarang terlalu dalam; paket tidak dibuka</translation>
    </message>
    <message>
        <source>The package holds too many items; it was not opened</source>
        <translation>Paket berisi terlalu banyak butir; paket tidak dibuka</translation>
    </message>
    <message>
        <source>Round {round} in the package builds on a revision that is missing</source>
        <translation>Putaran {round} dalam paket dibangun di atas revisi yang tidak ada</translation>
    </message>
    <message>
        <source>Round {round} in the package starts a second history of the agreement</source>
        <translation>Putaran {round} dalam paket memulai riwayat kedua kesepakatan ini</translation>
    </message>
    <message>
        <source>This package belongs to another agreement; open that agreement or import it from the list of agreements</source>
        <translation>Paket ini milik kesepakatan lain; buka kesepakatan itu atau impor dari daftar kesepakatan</translation>
    </message>
    <message>
        <source>Round {round} in the package claims another office as its author</source>
        <translation>Putaran {round} dalam paket mengaku ditulis oleh kantor lain</translation>
    </message>
    <message>
        <source>The office exchange key is protected by a password</source>
        <translation>Kunci pertukaran kantor dilindungi kata sandi</translation>
    </message>
    <message>
        <source>The office exchange key cannot be read</source>
        <translation>Kunci pertukaran kantor tidak dapat dibaca</translation>
    </message>
    <message>
        <source>The office card does not hold together (it was changed or is incomplete); ask the office to send its card again</source>
        <translation>Kartu kantor tidak utuh (telah diubah atau tidak lengkap); minta kantor tersebut mengirim kartunya lagi</translation>
    </message>
    <message>
        <source>{office} is already trusted with another certificate. If that office really has a new one, remove the old one from the trusted offices first.</source>
        <translation>{office} sudah dipercaya dengan sertifikat lain. Jika kantor itu memang memiliki sertifikat baru, hapus dulu yang lama dari daftar kantor tepercaya.</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../ui/catalog/import_report.py" line="26"/>
        <source>Problems in the catalog file</source>
        <translation>Masalah dalam berkas katalog</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/import_report.py" line="30"/>
        <source>%1 has %2 problem(s). %3 row(s) are valid. Nothing has been imported yet: fix the file and import it again, or import only the valid rows.</source>
        <translation>%1 memiliki %2 masalah. %3 baris valid. Belum ada yang diimpor: perbaiki berkas lalu impor ulang, atau impor baris yang valid saja.</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/import_report.py" line="42"/>
        <source>Row</source>
        <translation>Baris</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/import_report.py" line="42"/>
        <source>Field</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/import_report.py" line="42"/>
        <source>Problem</source>
        <translation>Masalah</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/import_report.py" line="47"/>
        <source>whole file</source>
        <translation>seluruh berkas</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/import_report.py" line="58"/>
        <source>Import the %1 valid row(s)</source>
        <translation>Impor %1 baris yang valid</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/import_report.py" line="63"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>CallPackages</name>
    <message>
        <source>Nothing was sent: no office in this call is a party to this agreement.</source>
        <translation>Tidak ada yang dikirim: tidak ada kantor dalam panggilan ini yang menjadi pihak dalam kesepakatan ini.</translation>
    </message>
    <message>
        <source>Nothing was sent: every office in the call must be verified first.</source>
        <translation>Tidak ada yang dikirim: setiap kantor dalam panggilan harus terverifikasi terlebih dahulu.</translation>
    </message>
    <message>
        <source>Nothing was sent: %1</source>
        <translation>Tidak ada yang dikirim: %1</translation>
    </message>
    <message>
        <source>This agreement is too large to send in the call; use “Export package…” and send the file.</source>
        <translation>Kesepakatan ini terlalu besar untuk dikirim dalam panggilan; gunakan “Ekspor paket…” lalu kirim berkasnya.</translation>
    </message>
    <message>
        <source>%1 sent an agreement in the call, but nothing was imported: %2</source>
        <translation>%1 mengirim kesepakatan dalam panggilan, tetapi tidak ada yang diimpor: %2</translation>
    </message>
    <message>
        <source>%1 shared “%2” in this call. It is in Agreements.</source>
        <translation>%1 membagikan “%2” dalam panggilan ini. Kesepakatan itu ada di menu Kesepakatan.</translation>
    </message>
</context>
<context>
    <name>LivePanel</name>
    <message>
        <source>Share this agreement in the call</source>
        <translation>Bagikan kesepakatan ini dalam panggilan</translation>
    </message>
    <message>
        <source>Share this agreement with %1 in the call</source>
        <translation>Bagikan kesepakatan ini kepada %1 dalam panggilan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/live/live_panel.py" line="56"/>
        <source>Follow the pasal the other office looks at</source>
        <translation>Ikuti pasal yang sedang dilihat kantor mitra</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/live/live_panel.py" line="60"/>
        <source>Suggest a change to this pasal</source>
        <translation>Usulkan perubahan pada pasal ini</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/live/live_panel.py" line="65"/>
        <source>Send suggestion</source>
        <translation>Kirim usulan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/live/live_panel.py" line="73"/>
        <source>Pasal</source>
        <translation>Pasal</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/live/live_panel.py" line="73"/>
        <source>Field</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/live/live_panel.py" line="73"/>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/live/live_panel.py" line="73"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/live/live_panel.py" line="84"/>
        <source>Accept</source>
        <translation>Terima</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/live/live_panel.py" line="85"/>
        <source>Reject</source>
        <translation>Tolak</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/live/live_panel.py" line="103"/>
        <source>waiting for the other office</source>
        <translation>menunggu kantor mitra</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/live/live_panel.py" line="105"/>
        <source>Live review in session %1 with %2. Both see the same pasal; suggestions arrive on the other side at once.</source>
        <translation>Peninjauan langsung dalam sesi %1 bersama %2. Kedua pihak melihat pasal yang sama; usulan langsung sampai ke pihak lain.</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/live/live_panel.py" line="113"/>
        <source>Live review starts when this agreement is open during a session with the counterpart office (Sessions page). Both offices then see the same pasal and can suggest changes to each other.</source>
        <translation>Peninjauan langsung dimulai ketika kesepakatan ini dibuka selama sesi dengan kantor mitra (halaman Sesi). Kedua kantor lalu melihat pasal yang sama dan dapat saling mengusulkan perubahan.</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/live/live_panel.py" line="161"/>
        <source>waiting</source>
        <translation>menunggu</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/live/live_panel.py" line="162"/>
        <source>accepted</source>
        <translation>diterima</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/live/live_panel.py" line="163"/>
        <source>rejected</source>
        <translation>ditolak</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/live/live_panel.py" line="164"/>
        <source>could not be applied</source>
        <translation>tidak dapat diterapkan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/live/live_panel.py" line="167"/>
        <source>us</source>
        <translation>kami</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../ui/agreements/message_bar.py" line="36"/>
        <source>Dismiss</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>NewAgreementDialog</name>
    <message>
        <source>Share with %1 in this call</source>
        <translation>Bagikan kepada %1 dalam panggilan ini</translation>
    </message>
    <message>
        <source>This office is not in the call.</source>
        <translation>Kantor ini tidak ada dalam panggilan.</translation>
    </message>
    <message>
        <source>Choose the counterpart office, or trust it first (see the hint).</source>
        <translation>Pilih kantor mitra, atau percayai kantor itu terlebih dahulu (lihat petunjuk).</translation>
    </message>
    <message>
        <source>Trusted: their Lintas will accept this draft.</source>
        <translation>Dipercaya: Lintas mereka akan menerima rancangan ini.</translation>
    </message>
    <message>
        <source>A draft can be sent only to an office you trust. The easiest way: trust it during a call with them (Sessions), after comparing the code. Or choose “Trust a new office…” and open the office card file they sent you.</source>
        <translation>Rancangan hanya dapat dikirim ke kantor yang Anda percayai. Cara termudah: percayai kantor itu dalam panggilan dengan mereka (Sesi), setelah membandingkan kodenya. Atau pilih “Percayai kantor baru…” dan buka berkas kartu kantor yang mereka kirim.</translation>
    </message>
    <message>
        <source>Trust a new office…</source>
        <translation>Percayai kantor baru…</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/new_dialog.py" line="56"/>
        <source>New agreement</source>
        <translation>Kesepakatan baru</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/new_dialog.py" line="71"/>
        <source>Template:</source>
        <translation>Templat:</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/new_dialog.py" line="73"/>
        <source>Subject (judul):</source>
        <translation>Pokok (judul):</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/new_dialog.py" line="78"/>
        <source>Title of the Kesepakatan Bersama this agreement implements</source>
        <translation>Judul Kesepakatan Bersama yang dilaksanakan oleh perjanjian ini</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/new_dialog.py" line="88"/>
        <source>Implements:</source>
        <translation>Melaksanakan:</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/new_dialog.py" line="91"/>
        <source>Place of signing:</source>
        <translation>Tempat penandatanganan:</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/new_dialog.py" line="95"/>
        <source>Date:</source>
        <translation>Tanggal:</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/new_dialog.py" line="98"/>
        <source> years</source>
        <translation> tahun</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/new_dialog.py" line="99"/>
        <source>Validity (jangka waktu):</source>
        <translation>Jangka waktu:</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/new_dialog.py" line="103"/>
        <source>PIHAK PERTAMA: %1 (this office)</source>
        <translation>PIHAK PERTAMA: %1 (kantor ini)</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/new_dialog.py" line="108"/>
        <source>PIHAK KEDUA (counterpart office)</source>
        <translation>PIHAK KEDUA (kantor mitra)</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/new_dialog.py" line="111"/>
        <source>A new office…</source>
        <translation>Kantor baru…</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/new_dialog.py" line="118"/>
        <source>Office:</source>
        <translation>Kantor:</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/new_dialog.py" line="122"/>
        <source>Level:</source>
        <translation>Tingkat:</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/new_dialog.py" line="124"/>
        <source>e.g. Palangka Raya</source>
        <translation>mis. Palangka Raya</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/new_dialog.py" line="125"/>
        <source>Region:</source>
        <translation>Daerah:</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/new_dialog.py" line="127"/>
        <source>Head of region:</source>
        <translation>Kepala daerah:</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/new_dialog.py" line="129"/>
        <source>e.g. Wali Kota Palangka Raya</source>
        <translation>mis. Wali Kota Palangka Raya</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/new_dialog.py" line="130"/>
        <source>Head&apos;s title:</source>
        <translation>Jabatan kepala daerah:</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/new_dialog.py" line="132"/>
        <source>Unit:</source>
        <translation>Unit kerja:</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/new_dialog.py" line="138"/>
        <source>Create draft</source>
        <translation>Buat draf</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/new_dialog.py" line="140"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/new_dialog.py" line="173"/>
        <source>No template is available.</source>
        <translation>Tidak ada templat yang tersedia.</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/new_dialog.py" line="177"/>
        <source>Enter the counterpart office&apos;s region.</source>
        <translation>Isi daerah kantor mitra.</translation>
    </message>
    <message>
        <source>Give the agreement its subject (judul).</source>
        <translation>Isi judul (pokok) kesepakatan.</translation>
    </message>
    <message>
        <source>Give the place where the agreement is signed.</source>
        <translation>Isi tempat penandatanganan kesepakatan.</translation>
    </message>
</context>
<context>
    <name>ObligationsOverview</name>
    <message>
        <location filename="../../ui/agreements/obligations_overview.py" line="46"/>
        <source>← Agreements</source>
        <translation>← Kesepakatan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/obligations_overview.py" line="48"/>
        <source>Obligations tracker</source>
        <translation>Pemantauan kewajiban</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/obligations_overview.py" line="53"/>
        <source>Include agreements still being negotiated</source>
        <translation>Sertakan kesepakatan yang masih dirundingkan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/obligations_overview.py" line="62"/>
        <source>Next due</source>
        <translation>Jatuh tempo berikutnya</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/obligations_overview.py" line="63"/>
        <source>Obligation</source>
        <translation>Kewajiban</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/obligations_overview.py" line="64"/>
        <source>Party</source>
        <translation>Pihak</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/obligations_overview.py" line="65"/>
        <source>Agreement</source>
        <translation>Kesepakatan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/obligations_overview.py" line="66"/>
        <source>Repeats</source>
        <translation>Berulang</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/obligations_overview.py" line="67"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/obligations_overview.py" line="110"/>
        <source>no date</source>
        <translation>tanpa tanggal</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/obligations_overview.py" line="129"/>
        <source> (done)</source>
        <translation> (selesai)</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/obligations_overview.py" line="137"/>
        <source>%1 obligation(s), %2 overdue</source>
        <translation>%1 kewajiban, %2 lewat jatuh tempo</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/obligations_overview.py" line="144"/>
        <source>No obligations yet. They come from agreements that are agreed or signed; add them in an agreement&apos;s Obligations tab.</source>
        <translation>Belum ada kewajiban. Kewajiban berasal dari kesepakatan yang sudah disepakati atau ditandatangani; tambahkan di tab Kewajiban pada kesepakatan.</translation>
    </message>
</context>
<context>
    <name>ObligationsPanel</name>
    <message>
        <location filename="../../ui/agreements/editor/obligations_panel.py" line="72"/>
        <source>Obligation</source>
        <translation>Kewajiban</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/obligations_panel.py" line="73"/>
        <source>Party</source>
        <translation>Pihak</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/obligations_panel.py" line="74"/>
        <source>Due</source>
        <translation>Jatuh tempo</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/obligations_panel.py" line="75"/>
        <source>Repeats</source>
        <translation>Berulang</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/obligations_panel.py" line="76"/>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/obligations_panel.py" line="92"/>
        <source>e.g. Study visit of 7 to 10 days to Bandung</source>
        <translation>mis. Kunjungan studi 7 sampai 10 hari ke Bandung</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/obligations_panel.py" line="93"/>
        <source>What:</source>
        <translation>Kewajiban:</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/obligations_panel.py" line="95"/>
        <source>Party:</source>
        <translation>Pihak:</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/obligations_panel.py" line="97"/>
        <source>Due on</source>
        <translation>Jatuh tempo pada</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/obligations_panel.py" line="105"/>
        <source>Due:</source>
        <translation>Jatuh tempo:</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/obligations_panel.py" line="109"/>
        <source>Repeats:</source>
        <translation>Berulang:</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/obligations_panel.py" line="112"/>
        <source>Add obligation</source>
        <translation>Tambah kewajiban</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/obligations_panel.py" line="113"/>
        <source>Mark done</source>
        <translation>Tandai selesai</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/obligations_panel.py" line="114"/>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/obligations_panel.py" line="149"/>
        <source>no date</source>
        <translation>tanpa tanggal</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/obligations_panel.py" line="151"/>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/obligations_panel.py" line="160"/>
        <source>Overdue</source>
        <translation>Lewat jatuh tempo</translation>
    </message>
    <message>
        <source>The text cannot be changed now.</source>
        <translation>Naskah tidak dapat diubah sekarang.</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>Save our office card…</source>
        <translation>Simpan kartu kantor kami…</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/page.py" line="42"/>
        <source>No agreements yet</source>
        <translation>Belum ada kesepakatan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/page.py" line="44"/>
        <source>Start a Kesepakatan Bersama from the standard template, or import a draft that a counterpart office sent you (a .lintas package). Both offices then review, comment and approve the same revision.</source>
        <translation>Mulai Kesepakatan Bersama dari templat standar, atau impor draf yang dikirim kantor mitra (paket .lintas). Kedua kantor lalu meninjau, memberi komentar, dan menyetujui revisi yang sama.</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/page.py" line="50"/>
        <source>New agreement</source>
        <translation>Kesepakatan baru</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/page.py" line="51"/>
        <source>Import a draft</source>
        <translation>Impor draf</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/page.py" line="53"/>
        <source>Trust an office card…</source>
        <translation>Percayai kartu kantor…</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/page.py" line="116"/>
        <source>Only a drafter can start a new agreement.</source>
        <translation>Hanya penyusun yang dapat memulai kesepakatan baru.</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="56"/>
        <source>The app catalog is empty</source>
        <translation>Katalog aplikasi masih kosong</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="58"/>
        <source>List the smart-city applications your office can share with other regions: import a CSV or JSON file, or load the sample catalog to try Lintas out. An agreement&apos;s Lampiran names the applications it grants.</source>
        <translation>Daftarkan aplikasi kota cerdas yang dapat dibagikan kantor Anda kepada daerah lain: impor berkas CSV atau JSON, atau muat katalog contoh untuk mencoba Lintas. Lampiran sebuah kesepakatan menyebut aplikasi yang dihibahkan.</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="65"/>
        <source>Import CSV or JSON…</source>
        <translation>Impor CSV atau JSON…</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="67"/>
        <source>Load the sample catalog</source>
        <translation>Muat katalog contoh</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="73"/>
        <source>App catalog</source>
        <translation>Katalog aplikasi</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="79"/>
        <source>Import…</source>
        <translation>Impor…</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="80"/>
        <source>Export…</source>
        <translation>Ekspor…</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="88"/>
        <source>SAMPLE data: the applications marked (SAMPLE) come from the shipped example catalog, not from a real city&apos;s list. Import your own catalog to replace them.</source>
        <translation>Data CONTOH: aplikasi bertanda (CONTOH) berasal dari katalog contoh bawaan, bukan dari daftar milik kota sungguhan. Impor katalog Anda sendiri untuk menggantinya.</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="97"/>
        <source>Application</source>
        <translation>Aplikasi</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="98"/>
        <source>Dimension</source>
        <translation>Dimensi</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="99"/>
        <source>OPD</source>
        <translation>OPD</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="100"/>
        <source>Public service</source>
        <translation>Layanan publik</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="101"/>
        <source>Technology</source>
        <translation>Teknologi</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="102"/>
        <source>Licence</source>
        <translation>Lisensi</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="103"/>
        <source>Description</source>
        <translation>Deskripsi</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="140"/>
        <source> (SAMPLE)</source>
        <translation> (CONTOH)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="143"/>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="143"/>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="153"/>
        <source>%1 application(s) shown</source>
        <translation>%1 aplikasi ditampilkan</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="161"/>
        <source>Import an app catalog</source>
        <translation>Impor katalog aplikasi</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="161"/>
        <source>Catalog files (*.csv *.json)</source>
        <translation>Berkas katalog (*.csv *.json)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="175"/>
        <source>%1 was not imported: it has %2 problem(s).</source>
        <translation>%1 tidak diimpor: terdapat %2 masalah.</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="199"/>
        <source>%1 application(s) imported.</source>
        <translation>%1 aplikasi diimpor.</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="209"/>
        <source>%1 SAMPLE application(s) loaded.</source>
        <translation>%1 aplikasi CONTOH dimuat.</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="215"/>
        <source>Export the app catalog</source>
        <translation>Ekspor katalog aplikasi</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="216"/>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="229"/>
        <source>The catalog was not exported: %1</source>
        <translation>Katalog tidak diekspor: %1</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/page.py" line="233"/>
        <source>Exported %1 application(s) to %2</source>
        <translation>%1 aplikasi diekspor ke %2</translation>
    </message>
</context>
<context>
    <name>ReconcileDialog</name>
    <message>
        <location filename="../../ui/agreements/reconcile_dialog.py" line="57"/>
        <source>Reconcile diverging versions</source>
        <translation>Satukan versi yang bercabang</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/reconcile_dialog.py" line="69"/>
        <source>Item</source>
        <translation>Butir</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/reconcile_dialog.py" line="69"/>
        <source>Our text</source>
        <translation>Teks kami</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/reconcile_dialog.py" line="69"/>
        <source>Their text</source>
        <translation>Teks mitra</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/reconcile_dialog.py" line="69"/>
        <source>Keep</source>
        <translation>Pertahankan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/reconcile_dialog.py" line="79"/>
        <source>No conflicts: the two versions changed different parts and merge cleanly. Check the redline, then reconcile.</source>
        <translation>Tidak ada konflik: kedua versi mengubah bagian yang berbeda dan dapat disatukan dengan mulus. Periksa perbandingannya, lalu satukan.</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/reconcile_dialog.py" line="87"/>
        <source>Show the differences (redline)</source>
        <translation>Tampilkan perbedaan (redline)</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/reconcile_dialog.py" line="93"/>
        <source>Reconcile and save as a new round</source>
        <translation>Satukan dan simpan sebagai putaran baru</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/reconcile_dialog.py" line="95"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/reconcile_dialog.py" line="115"/>
        <source>There is nothing to reconcile: only one version exists.</source>
        <translation>Tidak ada yang perlu disatukan: hanya ada satu versi.</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/reconcile_dialog.py" line="124"/>
        <source>Both offices edited the same revision. Ours: round %1 by %2 (%3). Theirs: round %4 by %5 (%6). Changes that do not overlap are merged automatically; choose which text to keep where both changed the same item.</source>
        <translation>Kedua kantor menyunting revisi yang sama. Milik kami: putaran %1 oleh %2 (%3). Milik mitra: putaran %4 oleh %5 (%6). Perubahan yang tidak bertumpang tindih disatukan otomatis; pilih teks yang dipertahankan bila keduanya mengubah butir yang sama.</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/reconcile_dialog.py" line="147"/>
        <source>Ours</source>
        <translation>Milik kami</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/reconcile_dialog.py" line="148"/>
        <source>Theirs</source>
        <translation>Milik mitra</translation>
    </message>
</context>
<context>
    <name>Redline</name>
    <message>
        <location filename="../../ui/agreements/redline/render.py" line="21"/>
        <source>Ayat (%1)</source>
        <translation>Ayat (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/render.py" line="23"/>
        <source>English</source>
        <translation>Bahasa Inggris</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/render.py" line="26"/>
        <source>Heading</source>
        <translation>Judul</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/render.py" line="27"/>
        <source>Heading (English)</source>
        <translation>Judul (Inggris)</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/render.py" line="28"/>
        <source>Text</source>
        <translation>Isi</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/render.py" line="29"/>
        <source>Text (English)</source>
        <translation>Isi (Inggris)</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/render.py" line="30"/>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/render.py" line="31"/>
        <source>Title (English)</source>
        <translation>Judul (Inggris)</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/render.py" line="32"/>
        <source>Place</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/render.py" line="33"/>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/render.py" line="34"/>
        <source>Valid from</source>
        <translation>Berlaku sejak</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/render.py" line="35"/>
        <source>Valid until</source>
        <translation>Berlaku sampai</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/render.py" line="36"/>
        <source>Opening (pembukaan)</source>
        <translation>Pembukaan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/render.py" line="37"/>
        <source>Closing (penutup)</source>
        <translation>Penutup</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/render.py" line="38"/>
        <source>Nomor</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/render.py" line="39"/>
        <source>Legal basis (dasar hukum)</source>
        <translation>Dasar hukum</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/render.py" line="47"/>
        <source>unchanged</source>
        <translation>tidak berubah</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/render.py" line="48"/>
        <location filename="../../ui/agreements/redline/render.py" line="143"/>
        <source>changed</source>
        <translation>berubah</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/render.py" line="49"/>
        <source>added</source>
        <translation>ditambahkan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/render.py" line="50"/>
        <source>removed</source>
        <translation>dihapus</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/render.py" line="51"/>
        <source>moved</source>
        <translation>dipindahkan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/render.py" line="80"/>
        <source>Pasal</source>
        <translation>Pasal</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/render.py" line="90"/>
        <source>round %1 by %2 (%3)</source>
        <translation>putaran %1 oleh %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/render.py" line="96"/>
        <source>Proposed in</source>
        <translation>Diusulkan pada</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/render.py" line="105"/>
        <source>Round %1 (%2) → round %3 (%4)</source>
        <translation>Putaran %1 (%2) → putaran %3 (%4)</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/render.py" line="112"/>
        <source>inserted</source>
        <translation>disisipkan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/render.py" line="113"/>
        <source>deleted</source>
        <translation>dihapus</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/render.py" line="120"/>
        <source>Heading of the agreement</source>
        <translation>Kepala kesepakatan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/render.py" line="125"/>
        <source>The two revisions have the same pasal text.</source>
        <translation>Kedua revisi memiliki isi pasal yang sama.</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/render.py" line="132"/>
        <source>Lampiran (applications)</source>
        <translation>Lampiran (aplikasi)</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/render.py" line="142"/>
        <source>Obligations (Kewajiban)</source>
        <translation>Kewajiban</translation>
    </message>
</context>
<context>
    <name>RedlineDialog</name>
    <message>
        <location filename="../../ui/agreements/redline/dialog.py" line="39"/>
        <source>Redline</source>
        <translation>Perbandingan revisi</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/dialog.py" line="49"/>
        <source>Round %1 — %2, %3</source>
        <translation>Putaran %1 — %2, %3</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/dialog.py" line="53"/>
        <source>From:</source>
        <translation>Dari:</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/dialog.py" line="55"/>
        <source>To:</source>
        <translation>Ke:</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/dialog.py" line="58"/>
        <source>Only pasal that changed</source>
        <translation>Hanya pasal yang berubah</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/dialog.py" line="64"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/redline/dialog.py" line="81"/>
        <source>This agreement has no saved revision yet.</source>
        <translation>Kesepakatan ini belum memiliki revisi tersimpan.</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Simpan sebagai PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Cetak…</translation>
    </message>
    <message>
        <source>Save the redline as PDF</source>
        <translation>Simpan redline sebagai PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Redline not saved</source>
        <translation>Redline tidak tersimpan</translation>
    </message>
    <message>
        <source>The file could not be written there. Choose another folder.</source>
        <translation>Berkas tidak dapat ditulis di sana. Pilih folder lain.</translation>
    </message>
</context>
<context>
    <name>RevisionsPanel</name>
    <message>
        <location filename="../../ui/agreements/editor/revisions_panel.py" line="35"/>
        <source>Round</source>
        <translation>Putaran</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/revisions_panel.py" line="35"/>
        <source>Office</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/revisions_panel.py" line="35"/>
        <source>Saved</source>
        <translation>Disimpan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/revisions_panel.py" line="35"/>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/revisions_panel.py" line="46"/>
        <source>Changes in this round</source>
        <translation>Perubahan pada putaran ini</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/revisions_panel.py" line="47"/>
        <source>Compare two revisions…</source>
        <translation>Bandingkan dua revisi…</translation>
    </message>
</context>
<context>
    <name>WorkflowBar</name>
    <message>
        <source>Password or PIN of %1</source>
        <translation>Kata sandi atau PIN %1</translation>
    </message>
    <message>
        <source>%1 approves: type their password or PIN beside this button.</source>
        <translation>%1 yang menyetujui: ketik kata sandi atau PIN-nya di samping tombol ini.</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/workflow_bar.py" line="120"/>
        <source>Approve round %1 (%2)</source>
        <translation>Setujui putaran %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/workflow_bar.py" line="112"/>
        <source>The other office will see that your office accepts this exact text (hash %1). Both offices must approve the same revision before it is agreed.</source>
        <translation>Kantor mitra akan melihat bahwa kantor Anda menerima teks persis ini (hash %1). Kedua kantor harus menyetujui revisi yang sama sebelum kesepakatan tercapai.</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/workflow_bar.py" line="106"/>
        <source>The signatory approves a draft; the approval also releases it for negotiation.</source>
        <translation>Penanda tangan menyetujui draf; persetujuan itu sekaligus melepas draf untuk negosiasi.</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/workflow_bar.py" line="33"/>
        <location filename="../../ui/agreements/editor/workflow_bar.py" line="77"/>
        <source>Approve this revision</source>
        <translation>Setujui revisi ini</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/workflow_bar.py" line="60"/>
        <source>Your role cannot take this step.</source>
        <translation>Peran Anda tidak dapat melakukan langkah ini.</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/editor/workflow_bar.py" line="75"/>
        <source>Approved by this office</source>
        <translation>Sudah disetujui kantor ini</translation>
    </message>
    <message>
        <source>This office approved this revision.</source>
        <translation>Kantor ini sudah menyetujui revisi ini.</translation>
    </message>
    <message>
        <source>A reviewer or signatory approves a revision.</source>
        <translation>Revisi disetujui oleh peninjau atau penanda tangan.</translation>
    </message>
</context>
<context>
    <name>WorkflowMessages</name>
    <message>
        <location filename="../../ui/agreements/messages.py" line="47"/>
        <source>Cannot move the agreement to {target}</source>
        <translation>Kesepakatan tidak dapat dipindahkan ke {target}</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="50"/>
        <source>Cannot approve this revision</source>
        <translation>Revisi ini tidak dapat disetujui</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="53"/>
        <source>An agreement cannot go from {source} to {target}</source>
        <translation>Kesepakatan tidak dapat berpindah dari {source} ke {target}</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="56"/>
        <source>{actor} is a {role}; this step needs a {allowed}</source>
        <translation>{actor} adalah {role}; langkah ini memerlukan {allowed}</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="59"/>
        <source>The latest edits are not saved as a revision yet</source>
        <translation>Perubahan terakhir belum disimpan sebagai revisi</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="62"/>
        <source>The agreement has no pasal yet</source>
        <translation>Kesepakatan belum memiliki pasal</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="65"/>
        <source>The agreement needs at least two parties</source>
        <translation>Kesepakatan memerlukan sedikitnya dua pihak</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="68"/>
        <source>{count} comment(s) are still open</source>
        <translation>{count} komentar masih terbuka</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="71"/>
        <source>There are diverging versions; reconcile them first</source>
        <translation>Ada versi yang bercabang; satukan dahulu</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="74"/>
        <source>Not yet approved by {parties} for revision {revision} (both parties must approve the same revision)</source>
        <translation>Belum disetujui oleh {parties} untuk revisi {revision} (kedua pihak harus menyetujui revisi yang sama)</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="79"/>
        <source>No agreed revision is recorded</source>
        <translation>Belum ada revisi yang disepakati tercatat</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="82"/>
        <source>The signed PDF&apos;s SHA-256 must be recorded</source>
        <translation>SHA-256 PDF yang ditandatangani harus dicatat</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="85"/>
        <source>The validity period has not ended yet</source>
        <translation>Masa berlaku belum berakhir</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="88"/>
        <source>Give the reason for terminating the agreement</source>
        <translation>Sebutkan alasan pengakhiran kesepakatan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="91"/>
        <source>{actor} is a {role}; approval needs a reviewer or signatory</source>
        <translation>{actor} adalah {role}; persetujuan memerlukan peninjau atau penanda tangan</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="94"/>
        <source>The agreement is {state}, not in negotiation</source>
        <translation>Kesepakatan berstatus {state}, bukan dalam negosiasi</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="97"/>
        <source>{office} is not a party to this agreement</source>
        <translation>{office} bukan pihak dalam kesepakatan ini</translation>
    </message>
</context>
<context>
    <name>ChainMessages</name>
    <message>
        <location filename="../../ui/agreements/messages.py" line="320"/>
        <source>Round {round} does not match its hash: its text was altered</source>
        <translation>Putaran {round} tidak cocok dengan hash-nya: naskahnya telah diubah</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="323"/>
        <source>Round {round} builds on a revision that is missing</source>
        <translation>Putaran {round} dibangun di atas revisi yang tidak ada</translation>
    </message>
</context>
<context>
    <name>LiveReviewLink</name>
    <message>
        <location filename="../../ui/agreements/live/link.py" line="160"/>
        <source>A live-review message from %1 could not be used and was ignored.</source>
        <translation>Pesan tinjauan langsung dari %1 tidak dapat digunakan dan diabaikan.</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/live/link.py" line="163"/>
        <source>A live-review message could not be used and was ignored.</source>
        <translation>Pesan tinjauan langsung tidak dapat digunakan dan diabaikan.</translation>
    </message>
</context>
<context>
    <name>TemplateMessages</name>
    <message>
        <location filename="../../ui/agreements/messages.py" line="340"/>
        <source>The template file {file} cannot be read ({detail})</source>
        <translation>Berkas templat {file} tidak dapat dibaca ({detail})</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="340"/>
        <source>The template file {file} is not valid TOML ({detail})</source>
        <translation>Berkas templat {file} bukan TOML yang sah ({detail})</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="340"/>
        <source>The template file {file} lacks the key &apos;{key}&apos;</source>
        <translation>Berkas templat {file} tidak memiliki kunci &apos;{key}&apos;</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="340"/>
        <source>The template file {file} names an unknown kind &apos;{kind}&apos;</source>
        <translation>Berkas templat {file} menyebut jenis yang tidak dikenal &apos;{kind}&apos;</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="340"/>
        <source>The template file {file} has a broken placeholder in &apos;{text}&apos;</source>
        <translation>Berkas templat {file} memiliki isian yang rusak pada &apos;{text}&apos;</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="340"/>
        <source>The template file {file} uses an unknown placeholder {{{placeholder}}}</source>
        <translation>Berkas templat {file} memakai isian yang tidak dikenal {{{placeholder}}}</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="340"/>
        <source>In the template file {file}, pasal {index} needs a section and a heading</source>
        <translation>Dalam berkas templat {file}, pasal {index} memerlukan bagian dan judul</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="340"/>
        <source>In the template file {file}, the pasal section &apos;{section}&apos; is not listed</source>
        <translation>Dalam berkas templat {file}, bagian pasal &apos;{section}&apos; tidak tercantum</translation>
    </message>
    <message>
        <location filename="../../ui/agreements/messages.py" line="340"/>
        <source>There is no template &apos;{template}&apos;</source>
        <translation>Tidak ada templat &apos;{template}&apos;</translation>
    </message>
</context>
<context>
    <name>DraftPreview</name>
    <message>
        <source>F4 (215 × 330 mm)</source>
        <translation>F4 (215 × 330 mm)</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Draft pages as they will print, marked KONSEP. Unsaved text is included.</source>
        <translation>Halaman draf seperti akan dicetak, bertanda KONSEP. Teks yang belum disimpan ikut ditampilkan.</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Kertas:</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Memperbarui…</translation>
    </message>
    <message>
        <source>Pages: %1</source>
        <translation>Halaman: %1</translation>
    </message>
    <message>
        <source>The preview cannot be drawn yet. Check the parties in Details.</source>
        <translation>Pratinjau belum dapat ditampilkan. Periksa para pihak di Rincian.</translation>
    </message>
</context>
<context>
    <name>ConsistencyMessages</name>
    <message>
        <source>Indonesian</source>
        <translation>bahasa Indonesia</translation>
    </message>
    <message>
        <source>English</source>
        <translation>bahasa Inggris</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 tahun</translation>
    </message>
    <message>
        <source>1 month</source>
        <translation>1 bulan</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 tahun</translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation>%1 bulan</translation>
    </message>
    <message>
        <source>{field}: the number {digits} is written out as &quot;{words}&quot;</source>
        <translation>{field}: angka {digits} ditulis dengan huruf &quot;{words}&quot;</translation>
    </message>
    <message>
        <source>The term is {term_id} in the Indonesian text but {term_en} in the English</source>
        <translation>Jangka waktu {term_id} dalam teks bahasa Indonesia tetapi {term_en} dalam bahasa Inggris</translation>
    </message>
    <message>
        <source>The term is {term} but Details say valid from {valid_from} until {valid_until} ({dates_term})</source>
        <translation>Jangka waktu {term}, tetapi Rincian menyebut berlaku dari {valid_from} sampai {valid_until} ({dates_term})</translation>
    </message>
    <message>
        <source>{field}: the {empty} column is empty, the {filled} has text</source>
        <translation>{field}: kolom {empty} kosong, sedangkan kolom {filled} berisi teks</translation>
    </message>
    <message>
        <source>{field}: {numbers} appears in the {present} text but not in the {missing}</source>
        <translation>{field}: {numbers} ada dalam teks {present} tetapi tidak dalam {missing}</translation>
    </message>
    <message>
        <source>&quot;{name}&quot; is not a party of this agreement as recorded (parties: {parties})</source>
        <translation>&quot;{name}&quot; bukan pihak dalam kesepakatan ini menurut data para pihak (para pihak: {parties})</translation>
    </message>
    <message>
        <source>{field}: the number {digits} is written out in Indonesian (&quot;{words}&quot;) in the English text</source>
        <translation>{field}: angka {digits} ditulis dengan huruf bahasa Indonesia (&quot;{words}&quot;) dalam teks bahasa Inggris</translation>
    </message>
</context>
<context>
    <name>ConsistencyView</name>
    <message>
        <source>Check this pasal:</source>
        <translation>Periksa pasal ini:</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>Open an agreement to save a revision of it.</source>
        <translation>Buka sebuah kesepakatan untuk menyimpan revisinya.</translation>
    </message>
    <message>
        <source>This agreement cannot be changed now, so there is no revision to save.</source>
        <translation>Kesepakatan ini tidak dapat diubah sekarang, jadi tidak ada revisi untuk disimpan.</translation>
    </message>
    <message>
        <source>A draft is not printed here. Once both offices have signed, print the agreement from the Archive.</source>
        <translation>Draf tidak dicetak di sini. Setelah kedua kantor menandatangani, cetak kesepakatan dari Arsip.</translation>
    </message>
</context>
<context>
    <name>OpenComments</name>
    <message>
        <source>Pasal %1</source>
        <translation>Pasal %1</translation>
    </message>
    <message>
        <source>the agreement as a whole</source>
        <translation>kesepakatan secara keseluruhan</translation>
    </message>
    <message>
        <source>1 comment still open in %1</source>
        <translation>1 komentar masih terbuka di %1</translation>
    </message>
    <message>
        <source>%1 comments still open in %2</source>
        <translation>%1 komentar masih terbuka di %2</translation>
    </message>
    <message>
        <source>1 open comment on this pasal</source>
        <translation>1 komentar terbuka pada pasal ini</translation>
    </message>
    <message>
        <source>%1 open comments on this pasal</source>
        <translation>%1 komentar terbuka pada pasal ini</translation>
    </message>
</context>
<context>
    <name>ReviewLockBanner</name>
    <message>
        <source>Return to the drafter</source>
        <translation>Kembalikan ke penyusun</translation>
    </message>
    <message>
        <source>Unlocks the text so the drafter can change it</source>
        <translation>Membuka kunci naskah agar penyusun dapat mengubahnya</translation>
    </message>
    <message>
        <source>A reviewer (%1) can return it to the drafter to unlock it.</source>
        <translation>Peninjau (%1) dapat mengembalikannya ke penyusun untuk membuka kuncinya.</translation>
    </message>
    <message>
        <source>A reviewer of this office can return it to the drafter to unlock it.</source>
        <translation>Peninjau kantor ini dapat mengembalikannya ke penyusun untuk membuka kuncinya.</translation>
    </message>
    <message>
        <source>Submitted for internal review: the text is locked so the reviewer reads exactly what was submitted. Comments are still possible.</source>
        <translation>Diajukan untuk tinjauan internal: naskah dikunci agar peninjau membaca persis yang diajukan. Komentar tetap dapat ditulis.</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>Open an agreement to print its draft. Signed agreements are printed from the Archive.</source>
        <translation>Buka sebuah kesepakatan untuk mencetak drafnya. Kesepakatan yang sudah ditandatangani dicetak dari Arsip.</translation>
    </message>
</context>
<context>
    <name>ApproveAs</name>
    <message>
        <source>That is not the right password or PIN of %1. Try again in %2 s.</source>
        <translation>Itu bukan kata sandi atau PIN %1 yang benar. Coba lagi dalam %2 detik.</translation>
    </message>
</context>
</TS>
