import type { Metadata } from 'next';
import { getDb } from '@/lib/db/client';
import { getSettings } from '@/lib/settings';
import { ButtonLink } from '@/components/ui/button-link';
import { SitePhoneLink } from '@/components/ui/site-phone-link';

export async function generateMetadata(): Promise<Metadata> {
  const { officeName } = await getSettings(getDb());
  return { title: { absolute: `Whistleblowing System · ${officeName}` } };
}

const PROMISES = [
  {
    title: 'Identitas Anda dirahasiakan.',
    text: 'Jika Anda memilih mencantumkan identitas, data tersebut disimpan dalam bentuk terenkripsi dan hanya dapat dibuka oleh pejabat berwenang dengan alasan tertulis; setiap aksesnya tercatat.',
  },
  {
    title: 'Anonim sebagai pilihan awal.',
    text: 'Anda tidak wajib mencantumkan nama, nomor telepon, atau alamat. Laporan dikirim secara anonim kecuali Anda sendiri memilih untuk mengisi identitas.',
  },
  {
    title: 'Tanpa jejak perangkat.',
    text: 'Sistem ini tidak menyimpan alamat IP, jenis perangkat, maupun data peramban Anda.',
  },
  {
    title: 'Kode tiket adalah satu-satunya kunci.',
    text: 'Setelah laporan terkirim, Anda menerima kode tiket untuk memantau laporan. Kode ini hanya ditampilkan satu kali dan tidak dapat dipulihkan atau dikirim ulang jika hilang. Simpan di tempat aman dan jangan bagikan kepada siapa pun.',
  },
];

const ELEMENTS = [
  { en: 'What', id: 'Apa', text: 'Perbuatan berindikasi pelanggaran yang Anda ketahui.' },
  { en: 'Where', id: 'Di mana', text: 'Tempat perbuatan tersebut dilakukan.' },
  { en: 'When', id: 'Kapan', text: 'Waktu perbuatan tersebut dilakukan.' },
  { en: 'Who', id: 'Siapa', text: 'Siapa saja yang terlibat dalam perbuatan tersebut.' },
  { en: 'How', id: 'Bagaimana', text: 'Cara perbuatan tersebut dilakukan (modus, cara, dan sebagainya).' },
];

function Actions() {
  return (
    <div className="flex flex-col gap-3 sm:flex-row">
      <ButtonLink href="/lapor">Buat Laporan</ButtonLink>
      <ButtonLink href="/status" variant="secondary">
        Cek Status Laporan
      </ButtonLink>
    </div>
  );
}

const h2 = 'text-xl font-bold text-slate-900';
const link = 'font-semibold text-brand-700 underline underline-offset-2';

export default async function HomePage() {
  const settings = await getSettings(getDb());
  const office = settings.officeName;

  return (
    <div className="space-y-10 text-slate-800">
      <section aria-labelledby="judul" className="space-y-4">
        <h1 id="judul" className="text-2xl leading-tight font-bold text-slate-900">
          Laporkan dugaan pelanggaran secara aman dan rahasia
        </h1>
        <p>
          Whistleblowing System (WBS) adalah layanan khusus bagi Anda untuk melaporkan perbuatan yang berindikasi
          pelanggaran kode etik, peraturan, atau ketentuan hukum di lingkungan {office}.
        </p>
        <Actions />
        <p>
          Layanan ini merupakan wujud komitmen pimpinan {office} dalam menerapkan Zona Integritas serta tata kelola
          pelayanan yang bermutu dan terstandar sesuai aturan dan prosedur yang berlaku. Kami menghargai setiap
          informasi yang Anda sampaikan; seluruh laporan yang masuk akan ditindaklanjuti sesuai prosedur yang berlaku.
        </p>
      </section>

      <section aria-labelledby="kerahasiaan" className="space-y-4 rounded-lg border border-brand-100 bg-brand-50 p-4">
        <h2 id="kerahasiaan" className={h2}>
          Kerahasiaan Anda terjamin
        </h2>
        <p>
          Anda tidak perlu khawatir identitas Anda terungkap: {office} merahasiakan identitas pelapor sebagai
          whistleblower.
        </p>
        <ul className="list-disc space-y-2 pl-5">
          {PROMISES.map((item) => (
            <li key={item.title}>
              <strong className="text-slate-900">{item.title}</strong> {item.text}
            </li>
          ))}
        </ul>
        <p className="text-sm text-slate-700">
          Untuk perlindungan tambahan, gunakan perangkat pribadi, bukan komputer kantor atau perangkat milik bersama.
        </p>
      </section>

      <section aria-labelledby="prosedur" className="space-y-4">
        <h2 id="prosedur" className={h2}>
          Prosedur pelaporan
        </h2>
        <ol className="list-decimal space-y-3 pl-6 marker:font-bold marker:text-brand-700">
          <li>
            <strong className="text-slate-900">Isi formulir laporan.</strong> Buka halaman{' '}
            <a href="/lapor" className={link}>
              Buat Laporan
            </a>
            , uraikan perbuatan yang Anda ketahui selengkap mungkin menurut unsur 4W1H, dan lampirkan bukti pendukung
            seperti dokumen, foto, rekaman suara, atau video.
          </li>
          <li>
            <strong className="text-slate-900">Simpan kode tiket.</strong> Setelah laporan terkirim, Anda menerima kode
            tiket. Catat, unduh, atau cetak kode tersebut; hanya dengan kode ini Anda dapat memantau laporan.
          </li>
          <li>
            <strong className="text-slate-900">Verifikasi kelengkapan.</strong> Petugas memeriksa kelengkapan laporan.
            Jika keterangan atau bukti belum lengkap, petugas dapat meminta kelengkapan informasi kepada Anda melalui
            halaman Cek Status. Mohon jawab sebelum batas waktu yang ditentukan.
          </li>
          <li>
            <strong className="text-slate-900">Penelaahan.</strong> Laporan yang lengkap dan memenuhi persyaratan
            diproses lebih lanjut: petugas mengumpulkan informasi selengkap-lengkapnya serta melakukan penelitian,
            analisis, dan kajian atas laporan.
          </li>
          <li>
            <strong className="text-slate-900">Klarifikasi pelapor dan saksi.</strong> Pejabat berwenang dapat memanggil
            pelapor dan saksi lain (jika ada) untuk memastikan bahwa pelapor benar-benar mengetahui pelanggaran yang
            dilaporkan. Panggilan yang ditujukan kepada Anda ditampilkan di halaman Cek Status.
          </li>
          <li>
            <strong className="text-slate-900">Pemeriksaan terlapor.</strong> Pejabat berwenang kemudian memanggil
            terlapor untuk memastikan terjadinya pelanggaran serta mengetahui latar belakang penyebabnya.
          </li>
          <li>
            <strong className="text-slate-900">Kesimpulan.</strong> Hasil penanganan dicatat dan dapat Anda lihat.
            Laporan yang bukan kewenangan {office} atau mengandung unsur pidana dilimpahkan kepada instansi yang
            berwenang.
          </li>
        </ol>
        <p>
          Seluruh perkembangan laporan dapat Anda ikuti di halaman{' '}
          <a href="/status" className={link}>
            Cek Status
          </a>{' '}
          dengan memasukkan kode tiket. Ringkasan penanganan seluruh laporan tahun ini ada di halaman{' '}
          <a href="/statistik" className={link}>
            Statistik
          </a>
          .
        </p>
      </section>

      <section aria-labelledby="unsur" className="space-y-4">
        <h2 id="unsur" className={h2}>
          Unsur laporan (4W1H)
        </h2>
        <p>
          Laporan yang lengkap dapat ditindaklanjuti lebih cepat. Usahakan laporan Anda menjawab kelima unsur berikut:
        </p>
        <dl className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {ELEMENTS.map((item) => (
            <div key={item.en} className="px-4 py-3">
              <dt className="font-bold text-slate-900">
                <span lang="en">{item.en}</span> <span className="font-normal text-slate-700">({item.id})</span>
              </dt>
              <dd>{item.text}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="kontak" className="space-y-3">
        <h2 id="kontak" className={h2}>
          Kontak
        </h2>
        <p>
          Untuk pertanyaan tentang layanan ini, hubungi {office}
          {settings.officePhone ? (
            <>
              {' '}
              melalui telepon <SitePhoneLink phone={settings.officePhone} className="text-brand-700" />
            </>
          ) : null}
          {settings.officeEmail ? (
            <>
              {' '}
              atau email{' '}
              <a href={`mailto:${settings.officeEmail}`} className={link}>
                {settings.officeEmail}
              </a>
            </>
          ) : null}
          .
        </p>
        <p className="text-sm text-slate-700">
          Demi kerahasiaan, jangan sampaikan isi laporan melalui telepon atau email; gunakan formulir laporan.
        </p>
      </section>

      <section aria-labelledby="mulai" className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 id="mulai" className={h2}>
          Siap menyampaikan laporan?
        </h2>
        <Actions />
      </section>
    </div>
  );
}
