# No db_subnet_group_name: RDS places the instance in the account's default VPC, which this
# configuration does not describe. Whether the internet reaches it cannot be decided, but it is public.
resource "aws_db_instance" "main" {
  identifier          = "orders"
  engine              = "postgres"
  instance_class      = "db.t4g.micro"
  allocated_storage   = 20
  publicly_accessible = true
  storage_encrypted   = true
}
