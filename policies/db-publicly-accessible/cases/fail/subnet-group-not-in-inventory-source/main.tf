# The DB subnet group is managed elsewhere: its network is not in this configuration.
resource "aws_db_instance" "main" {
  identifier             = "orders"
  engine                 = "postgres"
  instance_class         = "db.t4g.micro"
  allocated_storage      = 20
  db_subnet_group_name   = "legacy-db"
  vpc_security_group_ids = ["sg-0a1b2c3d4e5f60718"]
  publicly_accessible    = true
  storage_encrypted      = true
}
