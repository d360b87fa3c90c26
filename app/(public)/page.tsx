export default function HomePage() {
  return <main className="p-4"><h1 className="text-2xl font-bold">Whistleblowing System</h1></main>;
}
